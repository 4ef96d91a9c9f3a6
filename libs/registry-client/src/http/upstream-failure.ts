import { HttpStatus, type HttpException, ServiceUnavailableException } from '@nestjs/common';
import { type FieldProblem, InvalidInputException, ProblemException } from '@pss/platform';
import type { ServiceResponse } from './service-response';

const REFUSED_INPUT = new Set([HttpStatus.BAD_REQUEST, HttpStatus.UNPROCESSABLE_ENTITY]);

/**
 * What this service answers for another service's failed answer (one its caller does not handle,
 * such as a 404). Its 5xx or 429 means it cannot serve now: 503 with Retry-After. Its 400 or 422
 * refused values this service's client sent: 400, with the fields it named. Any other 4xx means
 * this service asked wrongly, which a retry does not mend: 502.
 */
export async function upstreamFailure(service: string, response: ServiceResponse): Promise<HttpException> {
  const { status } = response;
  if (REFUSED_INPUT.has(status)) {
    const { detail, errors } = await problemOf(response);
    if (errors?.length) return new InvalidInputException(errors);
    return new ProblemException(
      HttpStatus.BAD_REQUEST,
      `The ${service} service refused the request: ${detail}`,
    );
  }
  await response.body?.cancel();
  if (status >= 500 || status === HttpStatus.TOO_MANY_REQUESTS)
    return new ServiceUnavailableException(`The ${service} service answered ${status}; try again shortly.`);
  return new ProblemException(HttpStatus.BAD_GATEWAY, `The ${service} service refused the call (${status}).`);
}

async function problemOf(response: ServiceResponse): Promise<{ detail: string; errors?: FieldProblem[] }> {
  try {
    const body = (await response.json()) as { detail?: unknown; errors?: unknown };
    const errors = Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : undefined;
    return { detail: typeof body.detail === 'string' ? body.detail : 'invalid input', errors };
  } catch {
    return { detail: 'invalid input' };
  }
}

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof (value as FieldProblem)?.field === 'string' && typeof (value as FieldProblem)?.detail === 'string';
