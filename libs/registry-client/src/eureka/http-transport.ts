import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { EurekaRequestOptions } from './eureka-js-client.types';

const gunzipAsync = promisify(gunzip);

export interface TransportResponse {
  statusCode: number;
  body: string;
}

/**
 * One eureka-js-client request over node:http instead of the `request` package it was written for:
 * same URL rule (base URL + uri), JSON bodies, gzip, and a timeout over the whole exchange, which
 * the original never had.
 */
export async function sendOverHttp(
  baseUrl: string,
  options: EurekaRequestOptions,
  timeoutMs: number,
): Promise<TransportResponse> {
  const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...options.headers };
  let body: string | undefined;
  if (options.json) {
    headers['content-type'] = 'application/json';
    headers['accept'] ??= 'application/json';
    body = options.body === undefined ? undefined : JSON.stringify(options.body);
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const url = new URL(baseUrl + options.uri);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = request(url, {
      method: options.method ?? 'GET',
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    outgoing.once('response', resolve).on('error', reject).end(body);
  });
  const raw = await buffer(response);
  const decoded = response.headers['content-encoding'] === 'gzip' ? await gunzipAsync(raw) : raw;
  return { statusCode: response.statusCode ?? 0, body: decoded.toString('utf8') };
}
