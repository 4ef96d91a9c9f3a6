import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a refused body is read and thrown away before its connection is cut. */
const DRAIN_LIMIT_MS = 5_000;

/**
 * Keeps the connection of a request whose body was refused unread (413) open while the rest of
 * the body is read and thrown away, for at most `limitMs`. fastify asks to close it at once, but
 * most clients send the whole body before they read the answer, and a socket closed with unread
 * bytes is reset: the client gets a broken pipe instead of the 413 (RFC 9112 §9.6, "lingering
 * close"). Node's server drops an unread body by itself before the next request on the connection.
 */
export function drainRefusedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  limitMs = DRAIN_LIMIT_MS,
): void {
  if (request.raw.complete) return;
  reply.removeHeader('connection');
  const cut = setTimeout(() => request.raw.socket.destroy(), limitMs).unref();
  request.raw.once('end', () => clearTimeout(cut));
}
