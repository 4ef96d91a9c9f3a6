import { HttpStatus, type HttpException, ServiceUnavailableException } from '@nestjs/common';
import {
  type FieldProblem,
  InvalidInputException,
  ProblemException,
  RetryLaterException,
} from '@pss/platform';

const REFUSED_INPUT = new Set([HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY]);

/** When the other service names no time in its Retry-After: its look-up limits' window. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * What this service answers for another service's failed answer (one its caller does not handle,
 * such as a 404). Its 5xx means it cannot serve now: 503 with Retry-After. Its 429 refused this
 * service's client (the calls carry the client's address in X-Forwarded-For, and per-client limits
 * count that client): 429 with the other's Retry-After and detail. Its 400 or 422
 * refused values this service's client sent: 400, with the fields it named. Any other 4xx means
 * this service asked wrongly, which a retry does not mend: 502.
 */
export async function upstreamFailure(service: string, response: Response): Promise<HttpException> {
  const { status } = response;
  if (REFUSED_INPUT.has(status)) {
    const { detail, errors } = await problemOf(response);
    if (errors?.length) return new InvalidInputException(errors);
    return new ProblemException(
      HttpStatus.BAD_REQUEST,
      `The ${service} service refused the request: ${detail}`,
    );
  }
  if (status === HttpStatus.TOO_MANY_REQUESTS) {
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    const { detail } = await problemOf(response, 'too many requests');
    return new RetryLaterException(
      status,
      `The ${service} service refused the request: ${detail}`,
      Number.isInteger(retryAfter) && retryAfter >= 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS,
    );
  }
  await response.body?.cancel();
  if (status >= 500)
    return new ServiceUnavailableException(`The ${service} service answered ${status}; try again shortly.`);
  return new ProblemException(HttpStatus.BAD_GATEWAY, `The ${service} service refused the call (${status}).`);
}

async function problemOf(
  response: Response,
  fallback = 'invalid input',
): Promise<{ detail: string; errors?: FieldProblem[] }> {
  try {
    const body = (await response.json()) as { detail?: unknown; errors?: unknown };
    const errors = Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : undefined;
    return { detail: typeof body.detail === 'string' ? body.detail : fallback, errors };
  } catch {
    return { detail: fallback };
  }
}

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof (value as FieldProblem)?.field === 'string' && typeof (value as FieldProblem)?.detail === 'string';
