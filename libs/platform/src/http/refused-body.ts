import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a refused body is read and thrown away before its connection is cut. */
const DRAIN_LIMIT_MS = 5_000;

/**
 * Reads and throws away the rest of a body refused unread (413), for at most `limitMs`, instead of
 * closing the connection under it: most clients send the whole body before they read the answer,
 * and a socket closed with unread bytes is reset, so they would get a broken pipe instead of the
 * 413 (RFC 9112 §9.6, "lingering close"). The connection stays open for the client's next request
 * (fastify asks to close it); where Node closes it anyway with the answer (the client asked to
 * close, or spoke HTTP/1.0), the answer waits until the body is read.
 */
export function drainRefusedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  limitMs = DRAIN_LIMIT_MS,
): Promise<void> {
  const body = request.raw;
  if (body.complete) return Promise.resolve();
  body.resume();
  const cut = setTimeout(() => body.socket.destroy(), limitMs).unref();
  const read = new Promise<void>((resolve) => body.once('end', resolve).once('close', resolve));
  void read.then(() => clearTimeout(cut));
  if (!reply.raw.shouldKeepAlive) return read;
  reply.removeHeader('connection');
  return Promise.resolve();
}
