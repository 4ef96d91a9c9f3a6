import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service';
import { redactQuery } from '../logging/redact-query';
import { drainRefusedBody } from './refused-body';
import { REQUEST_ID_HEADER, runWithRequestId } from '../logging/request-context';

// Probes and scrapes arrive every few seconds; logging each would drown the useful lines.
const QUIET_PATHS = new Set(['/health/live', '/health/started', '/health/ready', '/metrics']);
// Paths no route matched share one label, so that scanners cannot blow up the series count.
const UNMATCHED = 'unmatched';

/** Counts and logs an answered request, as every request's onResponse hook does. */
export type ResponseRecorder = (request: FastifyRequest, reply: FastifyReply) => void;

/**
 * What every request goes through: its id (taken from X-Request-Id when well-formed, else made)
 * echoed and kept for the work it starts; then one metric sample by route template, and one log
 * line for a request that went wrong (a 5xx is an error, a 4xx the client's mistake answered as
 * designed), its query values left out. A line for each request that succeeds is at debug: writing it would cost more than
 * answering. Returns what the onResponse hook does, for answers given outside the hooks.
 */
export function addRequestHooks(
  fastify: FastifyInstance,
  { metrics, logger, isStopping }: { metrics: MetricsService; logger: Logger; isStopping: () => boolean },
): ResponseRecorder {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestId(request.id, done);
  });
  // A keep-alive connection whose request is in flight at shutdown would otherwise stay open
  // until its client times it out: while stopping, every answer closes its connection.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (isStopping()) reply.header('Connection', 'close');
    else if (reply.statusCode === 413)
      return void drainRefusedBody(request, reply).then(() => done(null, payload));
    done(null, payload);
  });
  const record: ResponseRecorder = (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    metrics.httpRequests.inc(labels);
    logRequest(logger, request, reply);
  };
  fastify.addHook('onResponse', (request, reply, done) => {
    record(request, reply);
    done();
  });
  return record;
}

function logRequest(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
  if (!logger.isLevelEnabled(level) || QUIET_PATHS.has(request.url.split('?')[0])) return;
  logger[level](
    {
      requestId: request.id,
      req: { method: request.method, url: redactQuery(request.url) },
      res: { statusCode: status },
      responseTime: Math.round(reply.elapsedTime),
    },
    'request completed',
  );
}
