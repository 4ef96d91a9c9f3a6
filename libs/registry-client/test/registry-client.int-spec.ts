import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ReadinessService } from '@pss/platform';
import { registryAuthorization, TEST_SECRET_MARK, withRegistryCredentials } from '@pss/testing';
import {
  discoveryUrl,
  freePort,
  startRegistryProcess,
  startTinyService,
  type RunningProcess,
} from './processes';
import { eventually, startInProcessContext, startInProcessService } from './in-process-service';

interface WireInstance {
  instanceId: string;
  hostName: string;
  ipAddr: string;
  status: string;
  port: { $: number };
  leaseInfo: { durationInSecs: number; renewalIntervalInSecs: number };
}

describe('RegistryClientModule with our registry', () => {
  let registry: RunningProcess;
  let service: INestApplication | undefined;
  let port: number;

  const registered = async (): Promise<WireInstance[]> => {
    const response = await fetch(`http://127.0.0.1:${registry.port}/eureka/apps/DEMO`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return [];
    return ((await response.json()) as { application: { instance: WireInstance[] } }).application.instance;
  };
  const env = () => ({
    PORT: String(port),
    INSTANCE_HOST: '127.0.0.1',
    DISCOVERY_URLS: discoveryUrl(registry.port, 'demo'),
    DISCOVERY_HEARTBEAT_INTERVAL_MS: '500',
  });

  beforeAll(async () => {
    registry = await startRegistryProcess();
  });
  beforeEach(async () => {
    port = await freePort();
  });
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });
  afterAll(() => registry.stop());

  it('registers UP once listening, with an address and id that others can use, and deregisters on close', async () => {
    service = await startInProcessService({ appName: 'demo' }, env());
    await eventually(async () => expect((await registered()).map((i) => i.status)).toEqual(['UP']));
    const [instance] = await registered();
    expect(instance).toMatchObject({
      instanceId: `127.0.0.1:demo:${port}`,
      hostName: '127.0.0.1',
      ipAddr: '127.0.0.1',
      port: { $: port },
    });
    expect(instance.leaseInfo).toMatchObject({ renewalIntervalInSecs: 1, durationInSecs: 15 });
    await service.close();
    service = undefined;
    expect(await registered()).toEqual([]);
  });

  it('says goodbye through the other registry when the one it registered with is gone', async () => {
    const [first, second] = [await freePort(), await freePort()];
    const peerOf = (port: number) => ({
      DISCOVERY_URLS: withRegistryCredentials(`http://127.0.0.1:${port}/eureka/`, 'peer'),
    });
    const registries = [
      await startRegistryProcess(peerOf(second), first),
      await startRegistryProcess(peerOf(first), second),
    ];
    const onSecond = async () =>
      (
        await fetch(`http://127.0.0.1:${second}/eureka/apps/DEMO`, {
          headers: { accept: 'application/json' },
        })
      ).status;
    try {
      service = await startInProcessService(
        { appName: 'demo' },
        { ...env(), DISCOVERY_URLS: `${discoveryUrl(first, 'demo')},${discoveryUrl(second, 'demo')}` },
      );
      await eventually(async () => expect(await onSecond()).toBe(200)); // replicated from the first
      await registries[0].kill();
      await service.close();
      service = undefined;
      expect(await onSecond()).toBe(404);
    } finally {
      await Promise.all(registries.map((each) => each.stop()));
    }
  });

  it('registers the port its server listens on, whatever the default or PORT say', async () => {
    const { PORT: _port, ...withoutPort } = env();
    service = await startInProcessService({ appName: 'demo' }, withoutPort);
    const { port: listening } = service.getHttpServer().address() as AddressInfo;
    await eventually(async () => expect((await registered()).map((i) => i.port.$)).toEqual([listening]));
  });

  it('registers nothing from an application context without HTTP (the migrate command)', async () => {
    const context = await startInProcessContext({ appName: 'demo' }, env());
    try {
      // A serving instance of the same app, started after the context, registers the same way: once
      // it is listed, a registration the context had started would be listed too.
      const servingPort = await freePort();
      service = await startInProcessService({ appName: 'demo' }, { ...env(), PORT: String(servingPort) });
      await eventually(async () => expect((await registered()).map((i) => i.status)).toContain('UP'));
      expect((await registered()).map((i) => i.port.$)).toEqual([servingPort]);
    } finally {
      await context.close();
    }
  });

  it('follows readiness: DOWN while a check fails, UP again when it passes', async () => {
    service = await startInProcessService({ appName: 'demo' }, env());
    await eventually(async () => expect((await registered())[0]?.status).toBe('UP'));
    const readiness = service.get(ReadinessService);
    readiness.addCheck('flaky', async () => {
      throw new Error('database unreachable');
    });
    await readiness.evaluate().catch(() => undefined);
    await eventually(async () => expect((await registered())[0]?.status).toBe('DOWN'));
    readiness.addCheck('flaky', async () => ({ flaky: { status: 'up' } }));
    await readiness.evaluate();
    await eventually(async () => expect((await registered())[0]?.status).toBe('UP'));
  });

  it('puts its own status back when a registry holds an older copy of it (a peer that missed the change)', async () => {
    service = await startInProcessService({ appName: 'demo' }, env());
    await eventually(async () => expect((await registered())[0]?.status).toBe('UP'));
    const [current] = await registered();
    // What a registry node that synced before the instance went UP holds: STARTING, dirty earlier.
    const stale = { ...current, status: 'STARTING', lastDirtyTimestamp: '1' };
    const asPeer = (method: string, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${registry.port}/eureka/apps/DEMO${path}`, {
        method,
        headers: {
          authorization: registryAuthorization('peer'),
          'x-netflix-discovery-replication': 'true',
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await eventually(async () => {
      await asPeer('DELETE', `/${current.instanceId}`);
      expect((await asPeer('POST', '', { instance: stale })).status).toBe(204);
      expect((await registered())[0]?.status).toBe('STARTING');
    });
    await eventually(async () => expect((await registered())[0]?.status).toBe('UP'));
  });

  it('registers as soon as a registry that was down at start comes up', async () => {
    const laterPort = await freePort();
    service = await startInProcessService(
      { appName: 'demo' },
      { ...env(), DISCOVERY_URLS: discoveryUrl(laterPort, 'demo') },
    );
    const late = await startRegistryProcess({}, laterPort);
    try {
      await eventually(async () => {
        const response = await fetch(`http://127.0.0.1:${laterPort}/eureka/apps/DEMO`, {
          headers: { accept: 'application/json' },
        });
        expect(response.status).toBe(200);
      });
    } finally {
      await service.close();
      service = undefined;
      await late.stop();
    }
  });

  it('writes with the credentials of its DISCOVERY_URLS, and never logs them', async () => {
    const tiny = await startTinyService(registry.port, {
      LOG_LEVEL: 'debug',
      DISCOVERY_URLS: `${discoveryUrl(await freePort(), 'tiny')},${discoveryUrl(registry.port, 'tiny')}`,
      DISCOVERY_HEARTBEAT_INTERVAL_MS: '300',
    });
    const refused = await startTinyService(registry.port, {
      DISCOVERY_URLS: `http://tiny:wrong-password@127.0.0.1:${registry.port}/eureka/`,
      DISCOVERY_HEARTBEAT_INTERVAL_MS: '300',
    });
    try {
      const tinies = async () =>
        (await fetch(`http://127.0.0.1:${registry.port}/eureka/apps/TINY`, {
          headers: { accept: 'application/json' },
        }).then((response) => (response.ok ? response.json() : undefined))) as
          { application: { instance: { port: { $: number } }[] } } | undefined;
      await eventually(async () =>
        expect((await tinies())?.application.instance.map((i) => i.port.$)).toEqual([tiny.port]),
      );
      const count = (text: string, line: RegExp) => text.match(new RegExp(line, 'g'))?.length ?? 0;
      await eventually(() => {
        expect(count(tiny.output(), /eureka heartbeat success/)).toBeGreaterThanOrEqual(2);
        expect(count(tiny.output(), /retrieved (full registry|delta) successfully/)).toBeGreaterThanOrEqual(
          2,
        );
        expect(count(refused.output(), /registration failed/)).toBeGreaterThanOrEqual(2);
      });
      expect(tiny.output()).toMatch(/registering as .* at http:\/\/\*\*\*@127\.0\.0\.1/);
      for (const secret of [TEST_SECRET_MARK, 'wrong-password'])
        expect(tiny.output() + refused.output()).not.toContain(secret);
    } finally {
      await Promise.all([tiny.stop(), refused.stop()]);
    }
  });
});
