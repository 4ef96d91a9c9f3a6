import type { FastifyInstance } from 'fastify';
import { refusal } from './refusal';
import { nestsDeeperThan } from './json-depth';

/** No request of any service nests deeper; Eureka's registrations, the deepest, take about six levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * The only body a JSON route reads is application/json: fastify's text/plain parser is removed, so
 * that a web page's form or "simple" request (text/plain, form-urlencoded, multipart) gets 415 and
 * cannot act on a service on 127.0.0.1. An empty JSON body is no body, as on a route that takes
 * none (`POST /bookings/{id}/cancel`); a body nested deeper than MAX_JSON_DEPTH is refused with 400.
 * Prototype poisoning is refused as fastify's own parser refuses it.
 */
export function readJsonBodiesOnly(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH))
      return done(refusal(400, `The body nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    parse(request, text, done);
  });
}
