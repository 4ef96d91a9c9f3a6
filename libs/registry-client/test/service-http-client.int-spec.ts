import type { INestApplication } from '@nestjs/common';
import { runWithRequestId } from '@pss/platform';
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
  let registry: RunningProcess;
  let tinies: RunningProcess[];
  let caller: INestApplication;
  let http: ServiceHttpClient;

  beforeAll(async () => {
    registry = await startRegistryProcess();
    tinies = await Promise.all([1, 2, 3].map(() => startTinyService(registry.port, FAST)));
    const env = {
      PORT: String(await freePort()),
      DISCOVERY_URLS: discoveryUrl(registry.port, 'caller'),
    };
    caller = await startInProcessService({ appName: 'caller', registerWithEureka: false }, env, false);
    http = caller.get(ServiceHttpClient);
    await eventually(() => expect(caller.get(RegistryClient).instances('TINY')).toHaveLength(3));
  });
  afterAll(async () => {
    await caller.close();
    await Promise.all(tinies.map((tiny) => tiny.stop()));
    await registry.stop();
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
    const attempts: { port: number; at: number }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === '/whoami') attempts.push({ port: Number(url.port), at: Date.now() });
      return realFetch(input, init);
    };
    try {
      let failures = 0;
      let calls = 0;
      const deadline = Date.now() + 9_000;
      let killedAt = 0;
      while (Date.now() < deadline) {
        if (!killedAt && calls === 20) {
          await victim.kill();
          killedAt = Date.now();
        }
        await whoami().catch(() => failures++);
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const toVictim = attempts.filter((attempt) => attempt.port === victim.port && attempt.at > killedAt);
      expect(failures).toBe(0);
      expect(calls).toBeGreaterThan(100);
      // The breaker opens after 2 refused connections; the registry drops the instance after its 3 s lease.
      expect(toVictim.length).toBeLessThanOrEqual(4);
      await eventually(() => expect(caller.get(RegistryClient).instances('TINY')).toHaveLength(2));
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('answers 503 with the service name when no instance is up', async () => {
    await expect(http.get('nobody', '/whoami')).rejects.toThrow(NoInstanceAvailableException);
    await expect(http.get('nobody', '/whoami')).rejects.toThrow('No instance of NOBODY is available');
  });
});
