import { Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { currentRequestId, REQUEST_ID_HEADER } from '@pss/platform';
import { ServiceHttpClient, type EurekaInstance } from '@pss/registry-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { forwardedFor } from '../http/forwarded-for';
import { isPublicRoute } from './public-routes';

/** What a service may take from a passenger's request: no cookies, no credentials. */
const WITHHELD_HEADERS = ['cookie', 'authorization', 'forwarded', 'x-real-ip'];

/** How long an instance has to answer a forwarded request before it counts as failed. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * The front door of the public API: `/api/{service}/{path}` is forwarded to an UP instance of the
 * service through the registry (round-robin, a circuit breaker per instance, a request that never
 * reached an instance, or an idempotent one, sent to the next), when it is one of the public
 * routes; anything else is a 404 that reaches no service. The caller's address goes on in
 * X-Forwarded-For, the request id in X-Request-Id.
 */
@Injectable()
export class Edge {
  constructor(private readonly services: ServiceHttpClient) {}

  async forward(service: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const target = request.raw.url?.slice(`/api/${service}`.length) ?? '';
    const [path] = target.split('?', 1);
    if (!isPublicRoute(service, request.method, path))
      throw new NotFoundException(`${request.method} ${path} is not a public route of ${service}`);
    // The services read JSON only; a form a web page posts stops here.
    if (request.body !== undefined && !request.headers['content-type']?.startsWith('application/json'))
      throw new UnsupportedMediaTypeException('The public API takes JSON bodies only');
    const retryable = request.method === 'GET' || request.headers['idempotency-key'] !== undefined;
    await this.services.onInstance(service, { retryable }, (instance) =>
      this.proxy(request, reply, instance, target),
    );
  }

  /** Resolves once the instance answered (its answer is on its way to the caller). */
  private proxy(
    request: FastifyRequest,
    reply: FastifyReply,
    instance: EurekaInstance,
    target: string,
  ): Promise<void> {
    const requestId = currentRequestId();
    return new Promise((resolve, reject) => {
      reply.from(`http://${instance.ipAddr}:${instance.port.$}${target}`, {
        timeout: UPSTREAM_TIMEOUT_MS,
        rewriteRequestHeaders: (_request, headers) => forwardedHeaders(request, headers, requestId),
        onResponse: (_request, answer, response) => {
          answer.send(response.stream);
          resolve();
        },
        onError: (_reply, { error }) => reject(error),
      });
    });
  }
}

function forwardedHeaders(
  request: FastifyRequest,
  headers: IncomingHttpHeaders,
  requestId: string | undefined,
): IncomingHttpHeaders {
  const forwarded: IncomingHttpHeaders = { ...headers };
  for (const header of WITHHELD_HEADERS) delete forwarded[header];
  forwarded['x-forwarded-for'] = forwardedFor(request);
  // Node keeps request headers in lower case: one header, not a second beside the caller's.
  if (requestId) forwarded[REQUEST_ID_HEADER.toLowerCase()] = requestId;
  return forwarded;
}
