import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { EurekaRequestOptions } from './eureka-js-client.types';

const gunzipAsync = promisify(gunzip);

export interface TransportResponse {
  statusCode: number;
  body: string;
}

export interface TransportLimits {
  /** Over the whole exchange. */
  timeoutMs: number;
  /** The largest answer read, counted both as received and after inflating. */
  maxResponseBytes: number;
}

/**
 * One eureka-js-client request over node:http instead of the `request` package it was written for:
 * same URL rule (base URL + uri), JSON bodies, gzip, a timeout over the whole exchange, which the
 * original never had, and a cap on what it reads and inflates. Credentials in the base URL's
 * userinfo go as HTTP basic authentication (node:http takes them from the URL).
 */
export async function sendOverHttp(
  baseUrl: string,
  options: EurekaRequestOptions,
  limits: TransportLimits,
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
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
    outgoing.once('response', resolve).on('error', reject).end(body);
  });
  const raw = await readAtMost(response, limits.maxResponseBytes);
  const decoded = response.headers['content-encoding'] === 'gzip' ? await inflate(raw, limits) : raw;
  return { statusCode: response.statusCode ?? 0, body: decoded.toString('utf8') };
}

const tooLarge = (maxBytes: number) => new Error(`the registry answered more than ${maxBytes} bytes`);

async function inflate(raw: Buffer, { maxResponseBytes }: TransportLimits): Promise<Buffer> {
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxResponseBytes });
  } catch (error) {
    const tooMuch = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw tooMuch ? tooLarge(maxResponseBytes) : error;
  }
}

async function readAtMost(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of response as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge(maxBytes);
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}
