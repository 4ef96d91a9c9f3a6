import rateLimit from '@fastify/rate-limit';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { refusal } from './refusal';

const WINDOW_MS = 60_000;

/**
 * Routes marked `@LookupRateLimited()` answer one client address at most `perMinute` times a
 * minute, then 429 problem+json with Retry-After (the filter renders the refusal); other routes
 * are not limited. Registered before the routes are, so that it sees them.
 */
export async function limitLookups(app: NestFastifyApplication, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: WINDOW_MS,
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
