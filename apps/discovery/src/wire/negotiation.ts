import type { FastifyReply, FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';
import { toXml } from './xml';

export type WireFormat = 'json' | 'xml';

/** Like the Java server: JSON only if Accept mentions json, otherwise XML (curl's default gets XML). */
export const formatOf = (request: FastifyRequest): WireFormat =>
  (request.headers.accept ?? '').includes('json') ? 'json' : 'xml';

export const acceptsGzip = (request: FastifyRequest): boolean =>
  (request.headers['accept-encoding'] ?? '').includes('gzip');

export interface RenderedEntity {
  body: Buffer;
  gzipped: () => Buffer;
}

export function render(rootName: string, entity: unknown, format: WireFormat): RenderedEntity {
  const text = format === 'json' ? JSON.stringify({ [rootName]: entity }) : toXml(rootName, entity);
  const body = Buffer.from(text);
  let gzipped: Buffer | undefined;
  return { body, gzipped: () => (gzipped ??= gzipSync(body)) };
}

export function sendRendered(request: FastifyRequest, reply: FastifyReply, rendered: RenderedEntity): void {
  const format = formatOf(request);
  reply
    .status(200)
    .header('Content-Type', format === 'json' ? 'application/json' : 'application/xml')
    .header('Vary', 'Accept, Accept-Encoding');
  if (acceptsGzip(request)) reply.header('Content-Encoding', 'gzip').send(rendered.gzipped());
  else reply.send(rendered.body);
}

/** Eureka answers writes with bare status codes: a JSON error body would break the Java client. */
export function sendEmpty(reply: FastifyReply, status: number): void {
  reply.status(status).send();
}

export function sendText(reply: FastifyReply, status: number, text: string): void {
  reply.status(status).type('text/plain').send(text);
}

/** Jersey's answer to a body it cannot read. */
export function sendUnreadable(reply: FastifyReply, error = 'cannot parse request body'): void {
  reply.status(400).send({ error });
}
