import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyReplyFrom from '@fastify/reply-from';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { INSTANCE_CONNECT_TIMEOUT_MS } from '@pss/registry-client';

/** How long the edge waits for an instance's answer. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * The website's additions to the platform's HTTP server: the pages' forms (urlencoded bodies),
 * the cookie that carries the CSRF secret, and the edge's proxy (undici, to any instance).
 */
export async function configureWebsiteHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyFormbody);
  await app.register(fastifyCookie);
  await app.register(fastifyReplyFrom, {
    undici: {
      connections: 128,
      connect: { timeout: INSTANCE_CONNECT_TIMEOUT_MS },
      headersTimeout: UPSTREAM_TIMEOUT_MS,
      bodyTimeout: UPSTREAM_TIMEOUT_MS,
    },
  });
}
