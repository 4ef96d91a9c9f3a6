import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

// Only the site's own stylesheet and script; no inline code, no framing, forms post only here.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

/** Answers with a whole HTML page; pages show a passenger's data, so no shared cache keeps them. */
export function sendPage<P>(reply: FastifyReply, page: VNode<P>, status = 200): void {
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(`<!doctype html>${render(page)}`);
}

/** After a form that changed something: the browser goes to `location` (a reload does not resend). */
export function seeOther(reply: FastifyReply, location: string): void {
  reply.status(303).header('location', location).send();
}

/** A form or query value as one string ('' when absent). */
export function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value.trim() : '';
}
