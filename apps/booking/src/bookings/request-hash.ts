import { createHash } from 'node:crypto';

/** JSON with every object's keys sorted: the same request always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** What an Idempotency-Key is bound to: a hash of the request it first came with. */
export const requestHash = (request: object): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
