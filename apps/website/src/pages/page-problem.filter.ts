import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import { ProblemPage } from './problem-page';
import { sendPage } from './render';

/**
 * What a page answers when it cannot be served: a page that says so in a sentence, with the
 * status, never a stack trace. A service that cannot be reached is a 503 the passenger can retry.
 */
@Catch()
export class PageProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logger.warn(`a page failed: ${String(exception)}`);
    if (status === HttpStatus.SERVICE_UNAVAILABLE || status === HttpStatus.BAD_GATEWAY) {
      reply.header('retry-after', '30');
      return sendPage(
        reply,
        h(ProblemPage, {
          title: 'Please try again shortly',
          message:
            'Part of our booking system is not available right now. Nothing has been changed: please try again in a minute.',
        }),
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    if (status < 500 && exception instanceof HttpException)
      return sendPage(reply, h(ProblemPage, { title: 'Sorry', message: exception.message }), status);
    sendPage(
      reply,
      h(ProblemPage, { title: 'Sorry', message: 'Something went wrong on our side. Please try again.' }),
      HttpStatus.INTERNAL_SERVER_ERROR,
    );
  }
}
