import { registryAuthorization } from '@pss/testing';
import { gunzipSync } from 'node:zlib';
import { jsClientBody } from './test-registrations';

export interface WireInstance {
  instanceId?: string;
  hostName: string;
  actionType?: string;
}

export interface WireApplications {
  applications: {
    versions__delta: string;
    apps__hashcode: string;
    application: { name: string; instance: WireInstance[] }[];
  };
}

export const JSON_ACCEPT = { accept: 'application/json' };
/** What JQSERVICE's account sends with every write (the tests' registrations are JQSERVICE's). */
export const AS_CLIENT = { authorization: registryAuthorization('jqservice') };

/** The register body eureka-js-client's README gives for Eureka >= 1.3. */
export const BODY = { instance: jsClientBody() };

export const withInstance = (fields: Record<string, unknown>) => ({
  instance: { ...BODY.instance, ...fields },
});

export function register(eurekaUrl: string, body: unknown = BODY, path = 'apps/jqservice', headers = {}) {
  return fetch(eurekaUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AS_CLIENT, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// Tests read whatever JSON the server wrote and assert on it field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getJson<T = any>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers: JSON_ACCEPT });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A write without a body (heartbeat, cancel, status, metadata) with the client account. */
export const call = (url: string, method: string, headers: Record<string, string> = AS_CLIENT) =>
  fetch(url, { method, headers });

/** Raw bytes as sent (fetch would transparently gunzip). */
export async function gzippedJson(url: string): Promise<{ encoding: string | null; body: unknown }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...JSON_ACCEPT, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          encoding: res.headers['content-encoding'] ?? null,
          body: JSON.parse(gunzipSync(Buffer.concat(chunks)).toString()),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
