import type { FastifyRequest } from 'fastify';

/**
 * X-Forwarded-For for a request the website makes for `request`'s client: the chain it came with,
 * and the address it came from last. Booking counts a look-up against that last address.
 */
export function forwardedFor(request: FastifyRequest): string {
  const chain = request.headers['x-forwarded-for'];
  return chain ? `${String(chain)}, ${request.ip}` : request.ip;
}
