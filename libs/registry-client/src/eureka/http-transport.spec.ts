import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { sendOverHttp } from './http-transport';

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
      1_000,
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
    expect(await sendOverHttp(baseUrl, { uri: 'apps/' }, 1_000)).toEqual({ statusCode: 200, body: registry });
  });

  it('fails when the registry takes longer than the timeout, even after its headers', async () => {
    handle = () => undefined;
    await expect(sendOverHttp(baseUrl, { uri: 'apps/' }, 200)).rejects.toThrow(/abort/i);
    handle = (_request, _body, response) => response.writeHead(200).write('{"applications":');
    await expect(sendOverHttp(baseUrl, { uri: 'apps/' }, 200)).rejects.toThrow();
  });

  it('fails when nothing listens', async () => {
    await expect(sendOverHttp('http://127.0.0.1:1/eureka/', { uri: 'apps/' }, 1_000)).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
