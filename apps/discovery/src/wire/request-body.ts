import type { FastifyRequest } from 'fastify';
import { parseXml } from './xml';

/** Any body the server cannot read: answered 400 {"error": "cannot parse request body"} like Jersey. */
export class UnreadableBody extends Error {}

/** The body as an object: JSON or XML from the raw bytes, or what an earlier body parser made. */
export function readBody(req: FastifyRequest): Record<string, unknown> {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body)) return parseText(body.toString('utf8'), req.headers['content-type'] ?? '');
  if (typeof body === 'object' && body !== null) return body as Record<string, unknown>;
  if (typeof body === 'string') return parseText(body, req.headers['content-type'] ?? '');
  throw new UnreadableBody('empty body');
}

function parseText(text: string, contentType: string): Record<string, unknown> {
  try {
    const parsed: unknown =
      contentType.includes('xml') || text.trimStart().startsWith('<') ? parseXml(text) : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // fall through: any parse failure is the same 400 for the client
  }
  throw new UnreadableBody('cannot parse request body');
}

/** The object under the root name the Java codec expects (`instance`, `replicationList`...). */
export function rootOf(body: Record<string, unknown>, rootName: string): unknown {
  if (!(rootName in body)) throw new UnreadableBody('cannot parse request body');
  return body[rootName];
}
