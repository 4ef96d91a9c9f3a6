import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { gzipSync } from 'node:zlib';
import { toXml } from './xml';

export type WireFormat = 'json' | 'xml';

/** Like the Java server: JSON only if Accept mentions json, otherwise XML (curl's default gets XML). */
export const formatOf = (req: ExpressRequest): WireFormat =>
  (req.headers.accept ?? '').includes('json') ? 'json' : 'xml';

export const acceptsGzip = (req: ExpressRequest): boolean =>
  (req.headers['accept-encoding'] ?? '').includes('gzip');

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

export function sendRendered(req: ExpressRequest, res: ExpressResponse, rendered: RenderedEntity): void {
  const format = formatOf(req);
  res.status(200);
  res.setHeader('Content-Type', format === 'json' ? 'application/json' : 'application/xml');
  res.setHeader('Vary', 'Accept, Accept-Encoding');
  if (acceptsGzip(req)) {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(rendered.gzipped());
  } else {
    res.end(rendered.body);
  }
}

/** Eureka answers writes with bare status codes: a JSON error body would break the Java client. */
export function sendEmpty(res: ExpressResponse, status: number): void {
  res.status(status).end();
}

export function sendText(res: ExpressResponse, status: number, text: string): void {
  res.status(status).type('text/plain').send(text);
}
