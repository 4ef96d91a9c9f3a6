import type { Dispatcher } from 'undici';

/**
 * What a service answered, as its callers read it: the part of fetch's `Response` they use, over
 * undici's `request` (fetch's WHATWG streams and headers cost the website's results page a third
 * of its throughput).
 */
export interface ServiceResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  /** The body parsed as JSON; rejects when it is not JSON. */
  json(): Promise<unknown>;
  text(): Promise<string>;
  /** The body, for dropping it unread (`cancel()`), which frees the connection for the next call. */
  readonly body: { cancel(): Promise<void> } | null;
}

export function serviceResponse({ statusCode, headers, body }: Dispatcher.ResponseData): ServiceResponse {
  return {
    status: statusCode,
    ok: statusCode >= 200 && statusCode < 300,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    json: () => body.json(),
    text: () => body.text(),
    body: { cancel: () => body.dump().then(() => undefined) },
  };
}
