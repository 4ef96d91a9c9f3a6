import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentRequestId } from '../logging/request-context';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details';
import { InvalidInputException } from './validation';

/** Every error leaves as application/problem+json; unexpected ones are logged, never shown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = { ...this.toProblem(exception), instance: request.originalUrl };
    const requestId = currentRequestId();
    if (requestId) body.requestId = requestId;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InvalidInputException) {
      return problem(HttpStatus.BAD_REQUEST, exception.message, { errors: exception.fields });
    }
    if (exception instanceof HttpException) {
      return problem(exception.getStatus(), detailOf(exception));
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
