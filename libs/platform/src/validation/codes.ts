import { randomInt } from 'node:crypto';

/** Letters and digits no one misreads at a desk or over the phone: no 0/O, 1/I/L, 5/S, 8/B. */
export const UNAMBIGUOUS_ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ234679';

/** A code of `length` characters drawn at random from the unambiguous alphabet (booking references, boarding references). */
export function randomCode(length: number): string {
  return Array.from({ length }, () => UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)]).join('');
}
