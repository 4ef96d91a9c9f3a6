import type { INestApplication } from '@nestjs/common';
import { runWithRequestId } from '@pss/platform';
import { waitUntil } from '@pss/testing';
import { NoInstanceAvailableException } from '../src/http/service-errors';
import { ServiceHttpClient } from '../src/http/service-http-client';
import { RegistryClient } from '../src/registry-client.service';
import { eventually, startInProcessService } from './in-process-service';
import {
  discoveryUrl,
  freePort,
  startRegistryProcess,
  startTinyService,
  type RunningProcess,
} from './processes';

const FAST = { DISCOVERY_LEASE_DURATION_SECONDS: '3', DISCOVERY_HEARTBEAT_INTERVAL_MS: '1000' };

describe('ServiceHttpClient with real instances', () => {
  let registry: RunningProcess | undefined;
  const tinies: RunningProcess[] = [];
  let caller: INestApplication | undefined;
  let http: ServiceHttpClient;
  let discovery: RegistryClient;

  beforeAll(async () => {
    const { port } = (registry = await startRegistryProcess());
    // Every tiny that started is stopped in afterAll, also when another did not start.
    const started = await Promise.allSettled([1, 2, 3].map(() => startTinyService(port, FAST)));
    for (const each of started) if (each.status === 'fulfilled') tinies.push(each.value);
    const failed = started.find((each) => each.status === 'rejected');
    if (failed) throw failed.reason;
    const env = {
      PORT: String(await freePort()),
      DISCOVERY_URLS: discoveryUrl(registry.port, 'caller'),
    };
    caller = await startInProcessService({ appName: 'caller', registerWithEureka: false }, env, false);
    http = caller.get(ServiceHttpClient);
    discovery = caller.get(RegistryClient);
    await eventually(() => expect(discovery.instances('TINY')).toHaveLength(3));
  }, 300_000); // longer than starting the processes may take, so that a failed start ends in afterAll
  afterAll(async () => {
    await caller?.close();
    await Promise.all(tinies.map((tiny) => tiny.stop()));
    await registry?.stop();
  });

  const whoami = async () =>
    (await (await http.get('tiny', '/whoami')).json()) as { port: number; requestId?: string };

  it('spreads calls round-robin over the UP instances and passes on the request id', async () => {
    const ports = await Promise.all([1, 2, 3, 4, 5, 6].map(() => whoami()));
    const counts = new Map<number, number>();
    for (const { port } of ports) counts.set(port, (counts.get(port) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2]);
    const echoed = await runWithRequestId('trace-me-1', () => whoami());
    expect(echoed.requestId).toBe('trace-me-1');
  });

  it('loses no call when an instance is killed without deregistering, and stops trying it', async () => {
    const victim = tinies[0];
    const listed = () => discovery.instances('TINY').map((instance) => instance.port.$);
    let killed = false;
    let toVictim = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const url = new URL(String(input));
      if (killed && url.pathname === '/whoami' && Number(url.port) === victim.port) toVictim++;
      return realFetch(input, init);
    };
    try {
      let failures = 0;
      let callsAfterKill = 0;
      const call = () => whoami().catch(() => failures++);
      for (let i = 0; i < 20; i++) await call();
      await victim.kill();
      killed = true;
      // A call per poll until the registry has dropped the victim (its 3 s lease) and the caller has
      // fetched that: all the while it is listed though dead, and at least 30 calls.
      await waitUntil(
        () => `the victim no longer listed (${listed().join(', ')}), 30 calls made (${callsAfterKill})`,
        async () => {
          await call();
          callsAfterKill++;
          return callsAfterKill >= 30 && !listed().includes(victim.port);
        },
        90_000,
      );
      expect(failures).toBe(0);
      // The breaker opens after 2 refused connections, and stays open longer than the lease.
      expect(toVictim).toBeLessThanOrEqual(4);
      expect(listed()).toHaveLength(2);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('answers 503 with the service name when no instance is up', async () => {
    await expect(http.get('nobody', '/whoami')).rejects.toThrow(NoInstanceAvailableException);
    await expect(http.get('nobody', '/whoami')).rejects.toThrow('No instance of NOBODY is available');
  });
});
