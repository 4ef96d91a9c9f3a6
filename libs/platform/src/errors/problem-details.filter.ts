import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { currentRequestId } from '../logging/request-context';
import { isDependencyUnavailable } from './dependency-unavailable';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';
import { InvalidInputException } from './validation';

/** Seconds a client is asked to wait before retrying when a dependency is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves as application/problem+json. An unreachable dependency is a 503 with
 * Retry-After; anything else unexpected is logged and answered 500, its details never shown.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ExpressRequest>();
    const response = http.getResponse<ExpressResponse>();
    const body = { ...this.toProblem(exception), instance: request.originalUrl };
    const requestId = currentRequestId();
    if (requestId) body.requestId = requestId;
    if (body.status === HttpStatus.SERVICE_UNAVAILABLE)
      response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InvalidInputException) {
      return problem(HttpStatus.BAD_REQUEST, exception.message, { errors: exception.fields });
    }
    if (exception instanceof HttpException) {
      return problem(exception.getStatus(), detailOf(exception));
    }
    if (isDependencyUnavailable(exception)) {
      this.logger.warn(`a dependency is unavailable: ${String(exception)}`);
      return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'A resource this service depends on is unavailable; try again shortly.',
      );
    }
    this.logger.error(exception);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.');
  }
}

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
