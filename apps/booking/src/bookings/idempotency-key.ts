import { InvalidInputException } from '@pss/platform';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, if it sent one: 1 to 255 visible ASCII characters. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY.test(header)) {
    throw new InvalidInputException([
      {
        field: IDEMPOTENCY_KEY_HEADER,
        detail: `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters`,
      },
    ]);
  }
  return header;
}
