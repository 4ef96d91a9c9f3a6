import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { currentRequestId } from '../logging/request-context';
import { databaseRefusal } from './database-refusal';
import { isDependencyUnavailable } from './dependency-unavailable';
import { loggableError } from './loggable-error';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';
import { InvalidInputException } from './validation';

/** Seconds a client is asked to wait before retrying when a dependency is unavailable. */
const RETRY_AFTER_SECONDS = 5;

/** An error the HTTP server raised itself (a body too large, an unsupported media type). */
interface ServerError {
  statusCode: number;
  message: string;
}
const isClientErrorOfServer = (error: unknown): error is ServerError => {
  const status = (error as Partial<ServerError> | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/**
 * Every error leaves as application/problem+json. A value the database refused is the client's
 * 4xx; an unreachable dependency is a 503 with Retry-After; anything else unexpected is logged
 * (without query parameters) and answered 500, its details never shown.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.adapterHost;
    const http = host.switchToHttp();
    const response = http.getResponse<object>();
    const body = { ...this.toProblem(exception), instance: httpAdapter.getRequestUrl(http.getRequest()) };
    const requestId = currentRequestId();
    if (requestId) body.requestId = requestId;
    if (body.status === HttpStatus.SERVICE_UNAVAILABLE)
      httpAdapter.setHeader(response, 'Retry-After', String(RETRY_AFTER_SECONDS));
    httpAdapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    httpAdapter.reply(response, JSON.stringify(body), body.status);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InvalidInputException) {
      return problem(HttpStatus.BAD_REQUEST, exception.message, { errors: exception.fields });
    }
    if (exception instanceof ProblemException) {
      return problem(exception.getStatus(), exception.message, exception.extensions);
    }
    if (exception instanceof HttpException) {
      return problem(exception.getStatus(), detailOf(exception));
    }
    if (isClientErrorOfServer(exception)) return problem(exception.statusCode, exception.message);
    const refused = databaseRefusal(exception);
    if (refused) return refused;
    if (isDependencyUnavailable(exception)) {
      this.logger.warn(`a dependency is unavailable: ${String(exception)}`);
      return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        'A resource this service depends on is unavailable; try again shortly.',
      );
    }
    this.logger.error(loggableError(exception));
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.');
  }
}

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
