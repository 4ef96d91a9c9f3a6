import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistryClient } from '../registry-client.service';
import type { RegistryClientSettings } from '../registry-client-settings';
import type { EurekaInstance } from '../eureka/eureka-js-client.types';
import { NoInstanceAvailableException, ServiceCallFailedException } from './service-errors';
import { ServiceHttpClient } from './service-http-client';

// Real local HTTP servers; only the registry look-up is replaced by a fixed list.
type Behaviour = (method: string) => number;

async function server(
  behaviour: Behaviour,
): Promise<{ instance: EurekaInstance; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const http: Server = createServer((req, res) => {
    hits.push(req.method ?? '');
    res
      .writeHead(behaviour(req.method ?? ''))
      .end(JSON.stringify({ port: (http.address() as AddressInfo).port }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const instance: EurekaInstance = {
    app: 'FARES',
    hostName: 'h',
    ipAddr: '127.0.0.1',
    status: 'UP',
    port: { $: port, '@enabled': 'true' },
  };
  return { instance, hits, close: () => new Promise((resolve) => http.close(() => resolve())) };
}

const deadInstance = (port: number): EurekaInstance => ({
  app: 'FARES',
  hostName: 'h',
  ipAddr: '127.0.0.1',
  status: 'UP',
  port: { $: port, '@enabled': 'true' },
});

/** The client over a registry whose cache holds `instances`, and after a refresh `refreshed`. */
function client(instances: EurekaInstance[], refreshed = instances): ServiceHttpClient {
  let current = instances;
  const discovery = {
    instances: (_app: string, statuses: string[]) =>
      current.filter((instance) => statuses.includes(instance.status)),
    refresh: async () => void (current = refreshed),
  } as unknown as RegistryClient;
  return new ServiceHttpClient(discovery, { requestTimeoutMs: 1_000 } as RegistryClientSettings);
}

describe('ServiceHttpClient', () => {
  const servers: Awaited<ReturnType<typeof server>>[] = [];
  const start = async (behaviour: Behaviour) => {
    const started = await server(behaviour);
    servers.push(started);
    return started;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((each) => each.close()));
  });

  it('asks the registry again before giving up on a service its cache does not know yet', async () => {
    const started = await start(() => 200);
    const response = await client([], [started.instance]).get('fares', '/fares');
    expect(response.status).toBe(200);
    await expect(client([], []).get('fares', '/fares')).rejects.toBeInstanceOf(NoInstanceAvailableException);
  });

  it('calls an instance that is still starting only when the request says it may', async () => {
    const started = await start(() => 200);
    const starting = client([{ ...started.instance, status: 'STARTING' }]);
    await expect(starting.get('fares', '/x')).rejects.toBeInstanceOf(NoInstanceAvailableException);
    expect((await starting.request('fares', { path: '/x', alsoStarting: true })).status).toBe(200);
    expect(started.hits).toEqual(['GET']);
  });

  it('tries the instances the registry lists now when every one it knew failed (a restart at a new address)', async () => {
    const restarted = await start(() => 200);
    const gone = deadInstance((await start(() => 200)).instance.port.$);
    await servers.pop()?.close();
    expect((await client([gone], [gone, restarted.instance]).get('fares', '/x')).status).toBe(200);
    expect((await client([gone], [restarted.instance]).post('fares', '/x', {})).status).toBe(200);
    expect(restarted.hits).toEqual(['GET', 'POST']);
  });

  it('retries an idempotent call on the next instance after a 503', async () => {
    const unwell = await start(() => 503);
    const well = await start(() => 200);
    const http = client([unwell.instance, well.instance]);
    const response = await http.get('fares', '/x');
    expect(response.status).toBe(200);
    expect([unwell.hits.length, well.hits.length]).toEqual([1, 1]);
  });

  it('does not resend a POST that reached an instance, but does when the connection was refused', async () => {
    const unwell = await start(() => 503);
    const answer = await client([unwell.instance]).post('fares', '/x', { a: 1 });
    expect(answer.status).toBe(503);
    const well = await start(() => 201);
    const refused = deadInstance((await start(() => 200)).instance.port.$);
    await servers.pop()?.close();
    const response = await client([refused, well.instance]).post('fares', '/x', { a: 1 });
    expect(response.status).toBe(201);
  });

  it('turns a POST timeout into a 502, not a retry', async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const instance = deadInstance((slow.address() as AddressInfo).port);
    try {
      const call = client([instance]).request('fares', {
        method: 'POST',
        path: '/x',
        body: {},
        timeoutMs: 200,
      });
      await expect(call).rejects.toThrow(ServiceCallFailedException);
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
  });

  it('skips an instance whose circuit is open, and still tries it when nobody else is left', async () => {
    let healthy = false;
    const flaky = await start(() => (healthy ? 200 : 503));
    const http = client([flaky.instance]);
    await expect(http.get('fares', '/x')).rejects.toThrow(NoInstanceAvailableException);
    await expect(http.get('fares', '/x')).rejects.toThrow(NoInstanceAvailableException);
    healthy = true; // the circuit is open now (two failures), but the instance has recovered
    expect((await http.get('fares', '/x')).status).toBe(200);
  });

  it('answers 503 naming the service when it has no instance', async () => {
    await expect(client([]).get('fares', '/x')).rejects.toThrow('No instance of FARES is available');
  });
});
