import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Each route's largest body, counted after decompression: a registration or a replication batch
 * up to 1 MiB (a batch sender splits by bytes below that); heartbeats, cancels, status and
 * metadata changes carry no body, so a few KiB is already generous.
 */
export function bodyLimitOf(method: string, route: string | undefined): number {
  if (route?.endsWith('/peerreplication/batch')) return MiB;
  if (method === 'POST' && route?.endsWith('/apps/:app')) return MiB;
  return 4 * KiB;
}

const refusal = (statusCode: number, message: string) => Object.assign(new Error(message), { statusCode });
const tooLarge = () => refusal(413, 'Request body is too large');

/**
 * Eureka writes arrive as JSON (the platform's parser) or XML, and a peer may gzip its replication
 * batches: any other body is kept as bytes for `readBody`. Every body is held to its route's limit
 * as it streams in, after inflating a gzip one, so a gzip bomb stops at the limit; another
 * Content-Encoding is refused with 415.
 */
export function acceptEurekaBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if (!hasBody(request)) return done(null, payload);
    const limit = bodyLimitOf(request.method, request.routeOptions.url);
    if (Number(request.headers['content-length']) > limit) return done(tooLarge());
    const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip')
      return done(refusal(415, `Content-Encoding ${encoding} is not supported`));
    done(null, limited(payload, encoding === 'gzip', limit));
  });
}

const hasBody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;

/** The body, inflated if gzipped, failing with 413 once it passes `limit` bytes. */
function limited(payload: Readable, gzipped: boolean, limit: number): Readable {
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > limit ? tooLarge() : null, chunk);
    },
  });
  // fastify checks Content-Length against the bytes that came over the wire, not the inflated ones.
  const body = Object.assign(counted, { receivedEncodedLength: 0 });
  payload.on('data', (chunk: Buffer) => (body.receivedEncodedLength += chunk.length));
  if (!gzipped) return payload.pipe(body);
  // pipeline destroys the inflater on any failure, so it stops inflating at once.
  const gunzip = createGunzip();
  payload.pipe(gunzip);
  pipeline(gunzip, body, () => undefined);
  return body;
}
