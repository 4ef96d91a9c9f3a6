import type { FastifyRequest } from 'fastify';

/**
 * The callers a service believes when they say, in X-Forwarded-For, which client they call for
 * (check-in, calling booking for a passenger). Anyone else's X-Forwarded-For is ignored: a client
 * could write any address there.
 */
export interface TrustedHops {
  trusts(address: string): Promise<boolean>;
}

/** The Nest token a service provides its `TrustedHops` under; without one, no caller is believed. */
export const TRUSTED_HOPS = Symbol('TRUSTED_HOPS');

const X_FORWARDED_FOR = 'x-forwarded-for';

/** `::ffff:10.0.0.5` is `10.0.0.5`. */
export const plainAddress = (address: string): string => address.replace(/^::ffff:(?=\d+\.)/, '');

const forwardedChain = (request: FastifyRequest): string[] =>
  [request.headers[X_FORWARDED_FOR] ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((address) => address.trim())
    .filter(Boolean);

/** X-Forwarded-For to send on when calling another service for this request. */
export function forwardedFor(request: FastifyRequest): string {
  return [...forwardedChain(request), plainAddress(request.ip)].join(', ');
}

/**
 * The client a request is for: the address a trusted hop added last to X-Forwarded-For (the one it
 * saw; what came before it could have been written by anyone), else the address it came from.
 */
export async function clientAddress(request: FastifyRequest, hops?: TrustedHops): Promise<string> {
  const peer = plainAddress(request.ip);
  const claimed = forwardedChain(request).at(-1);
  if (!claimed || !hops) return peer;
  return (await hops.trusts(peer)) ? plainAddress(claimed) : peer;
}
