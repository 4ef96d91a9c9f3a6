import type { FastifyInstance } from 'fastify';
import { refusal } from './refusal';

// ASCII is a subset of UTF-8: a body declared either way reads the same.
const READABLE = new Set(['utf-8', 'utf8', 'us-ascii']);
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

const foreignCharset = (charset: string) => refusal(415, `Charset ${charset} is not supported: send UTF-8`);

/** A body declared in any charset but UTF-8 is refused with 415, before a parser misreads it as UTF-8. */
export function refuseForeignCharsets(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
    done(charset && !READABLE.has(charset) ? foreignCharset(charset) : null, payload);
  });
}
