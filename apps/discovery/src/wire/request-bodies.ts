import type { FastifyInstance } from 'fastify';
import { createGunzip } from 'node:zlib';

/**
 * Eureka writes arrive as JSON (the platform's parser) or XML, and a peer may gzip its replication
 * batches: any other body is kept as bytes for `readBody`, and a gzip body is inflated first (the
 * body limit then counts the inflated bytes).
 */
export function acceptEurekaBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if (request.headers['content-encoding'] !== 'gzip') return done(null, payload);
    const inflated = Object.assign(payload.pipe(createGunzip()), { receivedEncodedLength: 0 });
    // Content-Length counts the gzip bytes: fastify checks it against these, not the inflated ones.
    payload.on('data', (chunk: Buffer) => (inflated.receivedEncodedLength += chunk.length));
    done(null, inflated);
  });
}
