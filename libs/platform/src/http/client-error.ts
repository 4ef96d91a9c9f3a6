import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problem } from '../errors/problem-details';

const STATUS_OF_CODE: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large'],
};

/**
 * A request the HTTP parser itself gave up on (a body cut short of its Content-Length, a header
 * too large, a timeout) never reaches a route or the problem filter: it is answered here, as
 * problem+json like every other refusal, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = STATUS_OF_CODE[error.code ?? ''] ?? [400, 'The request could not be read'];
  const body = JSON.stringify(problem(status, detail));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${problem(status).title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
