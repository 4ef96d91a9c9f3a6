import rateLimit from '@fastify/rate-limit';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { clientAddress, TRUSTED_HOPS, type TrustedHops } from './client-address';
import { refusal } from './refusal';

const WINDOW_MS = 60_000;

/**
 * Routes marked `@LookupRateLimited()` answer one client address at most `perMinute` times a
 * minute, then 429 problem+json with Retry-After (the filter renders the refusal); other routes
 * are not limited. A call a trusted hop makes for a client counts for that client, not for the
 * hop (every passenger checking in by reference would otherwise share check-in's address).
 * Registered before the routes are, so that it sees them.
 */
export async function limitLookups(app: NestFastifyApplication, perMinute: number): Promise<void> {
  const hops = trustedHopsOf(app);
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => clientAddress(request, hops),
    errorResponseBuilder: (_request, { after }) =>
      refusal(429, `Too many look-ups from this address: try again in ${after}`),
  });
}

function trustedHopsOf(app: NestFastifyApplication): TrustedHops | undefined {
  try {
    return app.get<TrustedHops>(TRUSTED_HOPS, { strict: false });
  } catch {
    return undefined; // the service trusts no caller
  }
}

/**
 * A look-up by something a client could guess (a booking reference and a last name). With
 * `counts`, only the requests it picks count, judged once the body is read.
 */
export const LookupRateLimited = (counts?: (request: FastifyRequest) => boolean) =>
  RouteConfig({
    rateLimit: counts ? { hook: 'preHandler', allowList: (request: FastifyRequest) => !counts(request) } : {},
  });
