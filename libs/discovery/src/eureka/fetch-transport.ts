import type { EurekaRequestOptions } from './eureka-js-client.types';

export interface TransportResponse {
  statusCode: number;
  body: string;
}

/**
 * One eureka-js-client request over Node's fetch instead of the deprecated `request` package:
 * same URL rule (base URL + uri), JSON bodies, transparent gzip, and a timeout it never had.
 */
export async function sendOverFetch(
  baseUrl: string,
  options: EurekaRequestOptions,
  timeoutMs: number,
): Promise<TransportResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.json) {
    headers['content-type'] = 'application/json';
    headers['accept'] ??= 'application/json';
    body = options.body === undefined ? undefined : JSON.stringify(options.body);
  }
  const response = await fetch(baseUrl + options.uri, {
    method: options.method ?? 'GET',
    headers,
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { statusCode: response.status, body: await response.text() };
}
