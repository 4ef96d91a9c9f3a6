import { randomInt } from 'node:crypto';

/** Letters and digits no one misreads at a check-in desk: no 0/O, 1/I/L, 5/S, 8/B. */
export const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ234679';

/** A six-character booking reference, drawn at random (27^6: about 390 million). */
export function newBookingReference(): string {
  return Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
}
