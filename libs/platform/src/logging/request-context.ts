import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';

interface RequestContext {
  requestId: string;
  /** X-Forwarded-For to send on: what the request carried, then the address it came from. */
  forwardedFor?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the request being handled, for outbound calls to pass on; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** X-Forwarded-For for outbound calls made while handling a request; undefined outside one. */
export function currentForwardedFor(): string | undefined {
  return storage.getStore()?.forwardedFor;
}

/**
 * Runs `work` as part of the request `requestId` (consumers of messages use it too), made by the
 * client chain `forwardedFor` when it came over HTTP.
 */
export function runWithRequestId<T>(requestId: string, work: () => T, forwardedFor?: string): T {
  return storage.run({ requestId, forwardedFor }, work);
}

// An incoming id is echoed into logs and headers: accept only short, plain tokens.
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export function acceptOrCreateRequestId(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate && SAFE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}
