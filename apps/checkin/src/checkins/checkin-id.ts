import { createHash } from 'node:crypto';

/** The namespace of check-in ids (a random UUID, fixed forever: changing it changes every id). */
const CHECKIN_NAMESPACE = 'a3e1c0b2-5f4d-4e8a-9c71-2d6b8f0e4a19';

/**
 * The id of a booking's check-in, the same every time it is computed: booking records it when it
 * agrees to the check-in, so a check-in retried after a failure (booking agreed, but the boarding
 * passes were never committed here) is recognised as the same one.
 */
export function checkinIdOf(bookingId: string): string {
  return nameBasedUuid(CHECKIN_NAMESPACE, bookingId.toLowerCase());
}

/** An RFC 9562 version 5 UUID: SHA-1 of the namespace and the name. */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
