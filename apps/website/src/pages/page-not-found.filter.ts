import { ArgumentsHost, Catch, HttpStatus, NotFoundException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemDetailsFilter } from '@pss/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ProblemPage } from './problem-page';
import { sendPage } from './render';

/**
 * A browser sent to an address the site has no page for (a stale link, a mistyped address) gets a
 * page that says so and leads back to the search; the edge's API, and clients that ask for no
 * HTML, keep the platform's problem+json.
 */
@Catch(NotFoundException)
export class PageNotFoundFilter extends ProblemDetailsFilter {
  override catch(exception: NotFoundException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const wantsPage = request.headers.accept?.includes('text/html') && !request.url.startsWith('/api/');
    if (!wantsPage) return super.catch(exception, host);
    sendPage(
      host.switchToHttp().getResponse<FastifyReply>(),
      h(ProblemPage, { title: 'Page not found', message: 'We found no such page.' }),
      HttpStatus.NOT_FOUND,
    );
  }
}

/** Registered after the platform's own filter, so asked first. */
export function answerMissingPagesWithAPage(app: NestFastifyApplication): void {
  app.useGlobalFilters(new PageNotFoundFilter(app.get(HttpAdapterHost)));
}
