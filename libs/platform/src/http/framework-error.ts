import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../errors/problem-details';
import { REQUEST_ID_HEADER } from '../logging/request-context';
import type { ResponseRecorder } from './request-hooks';

const DETAIL_OF_CODE: Record<string, string> = {
  FST_ERR_BAD_URL: 'The path is not valid percent-encoded UTF-8',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than 100 characters',
};

/**
 * A request fastify refuses before any route or hook runs (a path that does not decode, a path
 * parameter over its length limit): answered as problem+json with its request id, like every
 * other refusal, instead of fastify's own JSON; then counted and logged as the hooks would have.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  record?: ResponseRecorder,
): void {
  const status = error.statusCode ?? 400;
  const detail = DETAIL_OF_CODE[error.code] ?? 'The request could not be routed';
  void reply
    .code(status)
    .header(REQUEST_ID_HEADER, request.id)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(status, detail, { instance: request.url, requestId: request.id }));
  record?.(request, reply);
}
