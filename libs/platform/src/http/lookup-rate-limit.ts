import rateLimit from '@fastify/rate-limit';
import { Injectable } from '@nestjs/common';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { refusal } from './refusal';

const WINDOW_MS = 60_000;

/**
 * The proxies whose X-Forwarded-For a service believes: a front door forwards many clients from one
 * address, and the look-up limit is per client. None unless a module adds some (the registry
 * client does, for the apps a service names).
 */
@Injectable()
export class ForwardingProxies {
  private readonly believed: ((address: string) => boolean)[] = [];

  /** Believes X-Forwarded-For from the addresses `isProxy` picks. */
  believe(isProxy: (address: string) => boolean): void {
    this.believed.push(isProxy);
  }

  trusts(address: string): boolean {
    return this.believed.some((isProxy) => isProxy(address));
  }
}

/** `::ffff:10.0.0.5` is `10.0.0.5`: registries list IPv4 addresses as such. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * Whom a request counts against: the address the request came from, or, when that is a trusted
 * proxy, the address the proxy says it forwards for (the last one it added to X-Forwarded-For).
 */
export function lookupClient(request: FastifyRequest, proxies: Pick<ForwardingProxies, 'trusts'>): string {
  const peer = unmapped(request.ip);
  if (!proxies.trusts(peer)) return peer;
  const chain = request.headers['x-forwarded-for'];
  const forwardedFor = (Array.isArray(chain) ? chain.join(',') : chain)?.split(',').at(-1)?.trim();
  return forwardedFor ? unmapped(forwardedFor) : peer;
}

/**
 * Routes marked `@LookupRateLimited()` answer one client at most `perMinute` times a minute, then
 * 429 problem+json with Retry-After (the filter renders the refusal); other routes are not
 * limited. Registered before the routes are, so that it sees them.
 */
export async function limitLookups(app: NestFastifyApplication, perMinute: number): Promise<void> {
  const proxies = app.get(ForwardingProxies);
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => lookupClient(request, proxies),
    errorResponseBuilder: (_request, { after }) =>
      refusal(429, `Too many look-ups from this address: try again in ${after}`),
  });
}

/**
 * A look-up by something a client could guess (a booking reference and a last name). With
 * `counts`, only the requests it picks count, judged once the body is read.
 */
export const LookupRateLimited = (counts?: (request: FastifyRequest) => boolean) =>
  RouteConfig({
    rateLimit: counts ? { hook: 'preHandler', allowList: (request: FastifyRequest) => !counts(request) } : {},
  });
