import { HttpException, HttpStatus } from '@nestjs/common';

/** No UP instance answered: the platform's filter renders it as a 503 problem+json. */
export class NoInstanceAvailableException extends HttpException {
  constructor(service: string, cause?: unknown) {
    const reason = cause instanceof Error ? ` (last error: ${cause.message})` : '';
    super(`No instance of ${service} is available${reason}`, HttpStatus.SERVICE_UNAVAILABLE, { cause });
  }
}

/** A non-idempotent call failed after it may have reached the instance: not retried, 502. */
export class ServiceCallFailedException extends HttpException {
  constructor(service: string, cause: unknown) {
    super(`${service} did not answer: ${(cause as Error).message}`, HttpStatus.BAD_GATEWAY, { cause });
  }
}

/** A gateway-style answer (502/503/504): the instance is unwell, try another. */
export class UnavailableAnswer extends Error {
  constructor(readonly status: number) {
    super(`answered ${status}`);
  }
}

/**
 * How long a connection to an instance may take to open. On the services' network one opens in
 * well under a millisecond; the address of an instance whose container is gone does not answer at
 * all, and undici's default (10 s) would hold the request that long before trying the next instance.
 */
export const INSTANCE_CONNECT_TIMEOUT_MS = 2_000;

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when the request cannot have reached the application: safe to send elsewhere, even a POST. */
export function neverReachedInstance(error: unknown): boolean {
  const failure = error as { code?: string; cause?: { code?: string } } | undefined;
  const code = failure?.code ?? failure?.cause?.code;
  return code !== undefined && CONNECT_FAILURES.has(code);
}
