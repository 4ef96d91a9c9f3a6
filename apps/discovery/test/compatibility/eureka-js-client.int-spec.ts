import { call } from '../eureka-http';
import { eventually, jsClient, started, stopped, type JsClient } from '../eureka-js-client';
import { startRegistry, type RunningRegistry } from '../registry-server';

// Checklist items 6, 16, 18, 20, 26, 27, 36 of eureka-protocol.md, with the real eureka-js-client.
describe('eureka-js-client against our registry', () => {
  let registry: RunningRegistry;
  const clients: JsClient[] = [];
  const client = (options: Omit<Parameters<typeof jsClient>[0], 'port'> = {}) => {
    const created = jsClient({ port: registry.port, ...options });
    clients.push(created);
    return created;
  };
  const fetcher = () => client({ eureka: { registerWithEureka: false } });

  beforeEach(async () => {
    registry = await startRegistry();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((each) => stopped(each).catch(() => undefined)));
    await registry.close();
  });

  it.each(['/eureka/v2/apps/', '/eureka/apps/'])(
    'registers and starts with servicePath %s',
    async (servicePath) => {
      expect(await started(client({ servicePath }))).toEqual(['registered', 'started']);
    },
  );

  it('finds the instance by app and by VIP, with port.$ a number (its own integration test)', async () => {
    await started(client());
    const reader = fetcher();
    await started(reader);
    expect(reader.getInstancesByAppId('jqservice')).toHaveLength(1);
    expect(reader.getInstancesByAppId('jqservice')[0].port.$).toBe(8080);
    expect(reader.getInstancesByVipAddress('jq.test.something.com')).toHaveLength(1);
  });

  it('heartbeats, and re-registers when a restarted registry has forgotten it', async () => {
    const registrant = client();
    await started(registrant);
    const heartbeats: number[] = [];
    registrant.on('heartbeat', () => heartbeats.push(Date.now()));
    await eventually(() => expect(heartbeats.length).toBeGreaterThan(0));
    const port = registry.port;
    await registry.close();
    registry = await startRegistry({}, port);
    const registeredAgain = new Promise((resolve) => registrant.once('registered', resolve));
    await registeredAgain;
    const reply = await fetch(`${registry.eurekaUrl}apps/JQSERVICE/localhost`, {
      headers: { accept: 'application/json' },
    });
    expect(reply.status).toBe(200);
  });

  it('drops an OUT_OF_SERVICE instance from a filtering client after its next fetch', async () => {
    await started(client());
    const reader = fetcher();
    await started(reader);
    expect(reader.getInstancesByAppId('jqservice')).toHaveLength(1);
    await call(`${registry.eurekaUrl}apps/JQSERVICE/localhost/status?value=OUT_OF_SERVICE`, 'PUT');
    await eventually(() => expect(reader.getInstancesByAppId('jqservice')).toEqual([]));
  });

  it('deregisters on stop, and a reader then sees an empty registry (not a stale cache)', async () => {
    const registrant = client();
    await started(registrant);
    const reader = fetcher();
    await started(reader);
    expect(reader.getInstancesByAppId('jqservice')).toHaveLength(1);
    const events: string[] = [];
    registrant.on('deregistered', () => events.push('deregistered'));
    await stopped(registrant);
    expect(events).toEqual(['deregistered']);
    await eventually(() => expect(reader.getInstancesByAppId('jqservice')).toEqual([]));
  });

  it('keeps a correct cache in delta mode across add and cancel', async () => {
    const reader = client({ shouldUseDelta: true, eureka: { registerWithEureka: false } });
    await started(reader);
    const first = client({ instance: { instanceId: 'first', port: 8081 } });
    const second = client({ instance: { instanceId: 'second', port: 8082 } });
    await Promise.all([started(first), started(second)]);
    const ports = () =>
      reader
        .getInstancesByAppId('jqservice')
        .map((instance) => instance.port.$)
        .sort();
    await eventually(() => expect(ports()).toEqual([8081, 8082]));
    await stopped(first);
    await eventually(() => expect(ports()).toEqual([8082]));
  });
});
