import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { sendOverHttp } from './http-transport';

// Only the timeout test depends on the timeout; elsewhere it is a guard far above any answer's time
// (a cold first request on a loaded machine took more than a second).
const GUARD_MS = 30_000;
const limits = (timeoutMs: number, maxResponseBytes = 1024 * 1024) => ({ timeoutMs, maxResponseBytes });

describe('sendOverHttp', () => {
  let server: Server;
  let baseUrl: string;
  let handle: (request: IncomingMessage, body: string, response: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eureka/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends a JSON body to the base URL plus the uri, and answers status and body', async () => {
    let seen: { method?: string; url?: string; type?: string; accept?: string; body?: string } = {};
    handle = (request, body, response) => {
      seen = {
        method: request.method,
        url: request.url,
        type: request.headers['content-type'],
        accept: request.headers.accept,
        body,
      };
      response.writeHead(204).end();
    };
    const instance = { app: 'FARES', status: 'UP', hostName: 'färes' };
    const answer = await sendOverHttp(
      baseUrl,
      { method: 'POST', uri: 'apps/FARES', json: true, body: { instance } },
      limits(GUARD_MS),
    );
    expect(answer).toEqual({ statusCode: 204, body: '' });
    expect(seen).toEqual({
      method: 'POST',
      url: '/eureka/apps/FARES',
      type: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({ instance }),
    });
  });

  it('asks for gzip and decodes it', async () => {
    const registry = JSON.stringify({ applications: { application: [{ name: 'FARES' }] } });
    handle = (request, _body, response) => {
      const gzip = request.headers['accept-encoding']?.includes('gzip');
      response.writeHead(200, gzip ? { 'content-encoding': 'gzip' } : {});
      response.end(gzip ? gzipSync(registry) : 'not compressed');
    };
    expect(await sendOverHttp(baseUrl, { uri: 'apps/' }, limits(GUARD_MS))).toEqual({
      statusCode: 200,
      body: registry,
    });
  });

  it('fails when the registry takes longer than the timeout, even after its headers', async () => {
    handle = () => undefined;
    await expect(sendOverHttp(baseUrl, { uri: 'apps/' }, limits(200))).rejects.toThrow(/abort/i);
    handle = (_request, _body, response) => response.writeHead(200).write('{"applications":');
    await expect(sendOverHttp(baseUrl, { uri: 'apps/' }, limits(200))).rejects.toThrow();
  });

  it('fails when nothing listens', async () => {
    await expect(
      sendOverHttp('http://127.0.0.1:1/eureka/', { uri: 'apps/' }, limits(GUARD_MS)),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('sends the userinfo of the base URL as HTTP basic credentials', async () => {
    let authorization: string | undefined;
    handle = (request, _body, response) => {
      authorization = request.headers.authorization;
      response.writeHead(200).end('{}');
    };
    const withUserinfo = baseUrl.replace('http://', 'http://fares:s%3Acret@');
    await sendOverHttp(withUserinfo, { uri: 'apps/' }, limits(GUARD_MS));
    expect(authorization).toBe(`Basic ${Buffer.from('fares:s:cret').toString('base64')}`);
  });

  it('refuses an answer larger than its cap, whether sent plain or inflating to more', async () => {
    const big = 'x'.repeat(64 * 1024);
    handle = (_request, _body, response) => response.writeHead(200).end(big);
    await expect(sendOverHttp(baseUrl, { uri: 'apps/' }, limits(GUARD_MS, 16 * 1024))).rejects.toThrow(
      /more than 16384 bytes/,
    );
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
    handle = (_request, _body, response) => response.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
    const before = process.memoryUsage().rss;
    await expect(sendOverHttp(baseUrl, { uri: 'apps/' }, limits(GUARD_MS, 1024 * 1024))).rejects.toThrow(
      /more than 1048576 bytes/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });
});
