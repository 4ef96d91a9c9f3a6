import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Answers with a whole HTML page; pages show a passenger's data, so no shared cache keeps them. */
export function sendPage<P>(reply: FastifyReply, page: VNode<P>, status = 200): void {
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
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
