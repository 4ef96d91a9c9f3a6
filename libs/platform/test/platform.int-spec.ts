import type { INestApplication } from '@nestjs/common';
import { connect, type AddressInfo } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import { createService } from '../src/bootstrap/create-service';
import type { ProblemDetails } from '../src/errors/problem-details';
import { ReadinessService, type ReadinessState } from '../src/health/readiness.service';
import { NestFactory } from '@nestjs/core';
import fastify from 'fastify';
import { drainRefusedBody } from '../src/http/refused-body';
import { runCommand } from '../src/commands/run-command';
import { startService, type RunningService } from '../src/testing/start-service';
import { eventually } from '@pss/testing';
import { CountCommand, ProbeAppModule, releaseSlowRequest, slowRequestWaiting } from './probe.app';

const MiB = 1024 * 1024;
const NEXT_REQUEST = 'GET /probe/echo?code=SEA&count=2 HTTP/1.1\r\nHost: x\r\n\r\n';

describe('a service composed with PlatformModule, over HTTP', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'warn';
    app = await createService(ProbeAppModule);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app?.close());

  it('echoes an incoming X-Request-Id and exposes it to the handler', async () => {
    const response = await fetch(`${base}/probe/echo?code=SEA&count=2`, {
      headers: { 'X-Request-Id': 'abc-42' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('abc-42');
    expect(await response.json()).toEqual({ code: 'SEA', count: 2, requestId: 'abc-42' });
  });

  it('makes a request id when none comes in', async () => {
    const response = await fetch(`${base}/probe/echo?code=SEA&count=2`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers bad input with a problem naming each field', async () => {
    const response = await fetch(`${base}/probe/echo?code=sea&count=12&extra=1`, {
      headers: { 'X-Request-Id': 'bad-1' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as ProblemDetails;
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      requestId: 'bad-1',
    });
    expect(body.instance).toBe('/probe/echo?code=sea&count=12&extra=1');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'code', detail: 'code must be three capital letters' },
        { field: 'count', detail: 'count must not be greater than 9' },
        { field: 'extra', detail: 'property extra should not exist' },
      ]),
    );
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await fetch(`${base}/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as ProblemDetails).title).toBe('Not Found');
  });

  // Invariant: every refusal is problem+json with the request id, even one fastify makes before
  // any route or hook runs.
  it.each([
    ['a path that is not percent-encoded UTF-8', '/probe/echo/%ff', 400],
    ['a path parameter over 100 characters', `/probe/echo/${'A'.repeat(101)}`, 414],
  ])('answers %s with a problem', async (_what, path, status) => {
    const response = await fetch(`${base}${path}`, { headers: { 'X-Request-Id': 'url-1' } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('x-request-id')).toBe('url-1');
    expect(await response.json()).toMatchObject({ status, instance: path, requestId: 'url-1' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(`route="unmatched",status_code="${status}"`);
  });

  it('hides the cause of an unexpected error', async () => {
    const response = await fetch(`${base}/probe/crash`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, detail: 'An unexpected error occurred.' });
    expect(text).not.toMatch(/secret|at .*\.ts/);
  });

  it('serves liveness, OpenAPI and Prometheus metrics per route template', async () => {
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const openApi = (await (await fetch(`${base}/docs/json`)).json()) as { paths: object };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/probe/echo', '/health/ready']));
    expect((await fetch(`${base}/docs`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",service="probe",method="GET",route="\/probe\/echo",status_code="200"\}/,
    );
    expect(metrics).toMatch(
      /http_requests_total\{method="GET",route="unmatched",status_code="404",service="probe"\} 1/,
    );
    expect(metrics).toMatch(/process_resident_memory_bytes/);
  });

  it('reports readiness from pluggable checks and tells listeners about changes', async () => {
    const readiness = app.get(ReadinessService);
    const changes: ReadinessState[] = [];
    const stop = readiness.onChange((state) => changes.push(state));
    let brokerUp = true;
    readiness.addCheck('broker', async () => ({ broker: { status: brokerUp ? 'up' : 'down' } }));

    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    brokerUp = false;
    const down = await fetch(`${base}/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'error', error: { broker: { status: 'down' } } });
    brokerUp = true;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect(changes).toEqual(['DOWN', 'UP']);
    stop();
  });

  it('says started (the container health check) only once it has been ready, and from then on', async () => {
    const starting = await createService(ProbeAppModule);
    let databaseUp = false;
    starting.get(ReadinessService).addCheck('database', async () => ({
      database: { status: databaseUp ? 'up' : 'down' },
    }));
    await starting.listen(0, '127.0.0.1');
    try {
      const started = `http://127.0.0.1:${(starting.getHttpServer().address() as AddressInfo).port}/health/started`;
      const before = await fetch(started);
      expect([before.status, await before.json()]).toEqual([503, { status: 'starting' }]);
      databaseUp = true;
      const ready = await fetch(started);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'started' }]);
      databaseUp = false;
      expect((await fetch(started)).status).toBe(200);
    } finally {
      await starting.close();
    }
  });
});

describe('shutting down', () => {
  it('finishes a request in flight, refuses new connections and reports STOPPING', async () => {
    const app = await createService(ProbeAppModule);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const inFlight = fetch(`${base}/probe/slow`);
    await eventually(() => expect(slowRequestWaiting()).toBe(true));

    const closing = app.close();
    // While the request is held: STOPPING first, then the listener closes.
    await eventually(async () => {
      expect(app.get(ReadinessService).state).toBe('STOPPING');
      await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    });
    releaseSlowRequest();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    // Its keep-alive connection is closed with the answer, not when the client times it out.
    expect(response.headers.get('connection')).toBe('close');
    await closing;
  });
});

describe("the HTTP server's own refusals of a body", () => {
  let app: INestApplication;
  let base: string;
  let port: number;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'warn';
    app = await createService(ProbeAppModule);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => app?.close());

  const post = (body: string | Buffer, contentType: string) =>
    fetch(`${base}/probe/echo`, { method: 'POST', headers: { 'content-type': contentType }, body });

  async function expectProblem(response: Response, status: number): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status, instance: '/probe/echo' });
  }

  it('reads a valid JSON body (the route the refusals below are sent to)', async () => {
    const response = await post(JSON.stringify({ code: 'SEA', count: 2 }), 'application/json');
    expect(await response.json()).toEqual({ code: 'SEA', count: 2 });
  });

  it('answers a body over 1 MiB with 413', async () => {
    const huge = JSON.stringify({ code: 'SEA', count: 2, padding: 'x'.repeat(2 * 1024 * 1024) });
    await expectProblem(await post(huge, 'application/json'), 413);
  });

  // Invariant: a client that sends its whole body before reading (most do) gets the 413, not a
  // reset connection, and a connection kept alive still serves its next request.
  it.each([
    ['a Content-Length', `Content-Length: ${3 * MiB}`, NEXT_REQUEST],
    ['chunks', 'Transfer-Encoding: chunked', NEXT_REQUEST],
    [
      'a Content-Length, asking to close the connection',
      `Content-Length: ${3 * MiB}\r\nConnection: close`,
      '',
    ],
  ])('answers a body over 1 MiB sent by %s with 413', async (_how, headers, then) => {
    const head = `POST /probe/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n\r\n`;
    const answer = await sendAllThenRead(port, head, 3 * MiB, headers.includes('chunked'), then);
    expect(answer).toMatch(then ? /^HTTP\/1\.1 413 [^]*HTTP\/1\.1 200 / : /^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
  });

  it('answers a media type it does not read with 415', async () => {
    await expectProblem(await post('code,count\nSEA,2', 'text/csv'), 415);
  });

  it('answers a charset other than UTF-8 with 415', async () => {
    const latin1 = Buffer.from(JSON.stringify({ code: 'SEA', count: 2 }), 'latin1');
    await expectProblem(await post(latin1, 'application/json; charset=latin1'), 415);
    await expectProblem(await post('{}', 'application/json; charset=utf-16'), 415);
  });

  it('answers malformed JSON with 400', async () => {
    await expectProblem(await post('{"code":', 'application/json'), 400);
  });

  it('answers a body nested deeper than 32 levels with 400, whatever its size', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const response = await post(deep, 'application/json');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ detail: 'The body nests deeper than 32 levels' });
  });

  it('reads an empty JSON body as no body: accepted where a route takes none, fields named where it does', async () => {
    const act = await fetch(`${base}/probe/act`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(act.status).toBe(200);
    expect(await act.json()).toEqual({ acted: true });
    const echo = await post('', 'application/json');
    expect(echo.status).toBe(400);
    expect(((await echo.json()) as ProblemDetails).errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(['code', 'count']),
    );
  });

  it('answers the bodies a web page can send without asking (form, text, multipart) with 415', async () => {
    const act = (body: string, contentType: string) =>
      fetch(`${base}/probe/act`, { method: 'POST', headers: { 'content-type': contentType }, body });
    for (const contentType of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await act('code=SEA', contentType);
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    await expectProblem(await post('code=SEA&count=2', 'application/x-www-form-urlencoded'), 415);
  });

  it('answers a body that ends before its Content-Length with 400', async () => {
    // Sent, then the connection half-closed: a client that gave up mid-body.
    const answer = await sendAllThenRead(
      port,
      'POST /probe/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"code":',
      0,
      false,
      '',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
  });
});

/**
 * Sends `head`, then `bodyBytes` of body in 64 KiB pieces (as chunks if `chunked`) and `then`, reading
 * nothing until all is sent; half-closes and resolves with all the server answered.
 */
function sendAllThenRead(port: number, head: string, bodyBytes: number, chunked: boolean, then: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let answer = '';
    socket.pause();
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.on('connect', async () => {
      socket.write(head);
      const piece = Buffer.alloc(64 * 1024, 'x');
      const framed = chunked ? Buffer.concat([Buffer.from('10000\r\n'), piece, Buffer.from('\r\n')]) : piece;
      for (let sent = 0; sent < bodyBytes && !socket.destroyed; sent += piece.length) {
        socket.write(framed);
        await setTimeout(2);
      }
      socket.end(`${chunked ? '0\r\n\r\n' : ''}${then}`);
      socket.resume();
    });
  });
}

describe('a refused body that never ends', () => {
  it.each([
    ['after its 413', ''],
    ['unanswered where its client asked to close the connection', 'Connection: close\r\n'],
  ])('is read for the drain limit, then its connection is cut, %s', async (_when, headers) => {
    const server = fastify({ bodyLimit: MiB });
    server.addHook('onSend', (request, reply, payload, done) => {
      void drainRefusedBody(request, reply, 300).then(() => done(null, payload));
    });
    server.post('/', () => 'read');
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = server.server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      const sentAt = Date.now();
      socket.write(
        `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${1024 * MiB}\r\n${headers}\r\n`,
      );
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      const cut = new Promise((resolve) => socket.on('close', resolve).on('error', () => undefined));
      const sending = setInterval(() => socket.write(Buffer.alloc(64 * 1024)), 10);
      await cut;
      clearInterval(sending);
      expect(Date.now() - sentAt).toBeGreaterThanOrEqual(250);
      expect(Date.now() - sentAt).toBeLessThan(2_000);
      expect(answer).toMatch(headers ? /^$/ : /^HTTP\/1\.1 413 /);
      const next = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await next.text()).toBe('read');
    } finally {
      await server.close();
    }
  });
});

describe('look-ups rate-limited per client address', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(ProbeAppModule, { LOOKUP_RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(() => service?.app.close());

  it('answers the look-up past the limit with 429 and Retry-After; other routes stay open', async () => {
    const lookup = () => fetch(`${service.baseUrl}/probe/lookup?code=SEA&count=1`);
    for (let allowed = 0; allowed < 3; allowed++) expect((await lookup()).status).toBe(200);
    const refused = await lookup();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect((await fetch(`${service.baseUrl}/probe/echo?code=SEA&count=1`)).status).toBe(200);
  });
});

describe('operator commands', () => {
  it('runs the command a module provides by its name, and names the known ones for another', async () => {
    const context = await NestFactory.createApplicationContext(ProbeAppModule, { logger: false });
    try {
      await runCommand(context, 'probe:count', ['a', 'b']);
      expect(CountCommand.lastArgs).toEqual(['a', 'b']);
      await expect(runCommand(context, 'probe:nothing', [])).rejects.toThrow(
        'unknown command probe:nothing: this service knows migrate, probe:count',
      );
    } finally {
      await context.close();
    }
  });
});
