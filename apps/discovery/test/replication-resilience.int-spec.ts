import { freePort, startAppProcess, TEST_REGISTRY_ENV, waitUntil, type RunningProcess } from '@pss/testing';
import { AS_CLIENT, getJson, withInstance } from './eureka-http';

const INSTANCES = 300;
// Longer than a lease (15 s), so that the outage outlives what node 1 held when it went down.
const DOWN_MS = 20_000;

const instanceId = (i: number) => `node-${i}`;
const registration = (i: number) =>
  withInstance({
    instanceId: instanceId(i),
    hostName: `10.1.${Math.floor(i / 250)}.${i % 250}`,
    leaseInfo: { renewalIntervalInSecs: 5, durationInSecs: 15 },
    // One instance with 150 kB of metadata, as a large Spring Boot application may carry.
    metadata: i === 0 ? { blob: 'x'.repeat(150_000) } : { zone: 'a' },
  });

const scrape = async (port: number): Promise<string> =>
  (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

/** The sum of the series of a Prometheus metric, in one scrape, whose labels include `labels`. */
function metric(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && wanted.every((label) => line.includes(label)))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

const view = async (port: number): Promise<string[]> => {
  const { body } = await getJson(`http://127.0.0.1:${port}/eureka/apps`);
  return (body?.applications?.application ?? [])
    .flatMap((app: { instance: { instanceId: string; status: string; metadata: object }[] }) =>
      app.instance.map((i) => `${i.instanceId}:${i.status}:${JSON.stringify(i.metadata).length}`),
    )
    .sort();
};

describe('replication across a peer outage', () => {
  const nodes: RunningProcess[] = [];
  let ports: number[];
  const start = async (index: number) => {
    const env = {
      ...TEST_REGISTRY_ENV,
      INSTANCE_HOST: '127.0.0.1',
      DISCOVERY_URLS: ports.map((port) => `http://127.0.0.1:${port}/eureka/`).join(','),
    };
    nodes[index] = await startAppProcess('discovery', env, ports[index]);
  };
  const write = (method: string, path: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${ports[0]}/eureka/${path}`, {
      method,
      headers: { ...AS_CLIENT, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    ports = [await freePort(), await freePort()];
    await start(0);
    await start(1);
  });
  afterAll(() => Promise.all(nodes.map((node) => node.stop())));

  it('converges after one peer is down longer than a lease, and counts every action it did not deliver', async () => {
    const live = new Set(Array.from({ length: INSTANCES }, (_, i) => i));
    for (const i of live) expect((await write('POST', 'apps/jqservice', registration(i))).status).toBe(204);
    const inFlight = new Set<Promise<unknown>>();
    const heartbeats = setInterval(() => {
      for (const i of live) {
        const heartbeat = write('PUT', `apps/JQSERVICE/${instanceId(i)}`).catch(() => undefined);
        inFlight.add(heartbeat);
        void heartbeat.finally(() => inFlight.delete(heartbeat));
      }
    }, 5_000);
    try {
      await waitUntil(
        'node 1 to hold every instance',
        async () => (await view(ports[1])).length === INSTANCES,
        30_000,
      );

      await nodes[1].kill();
      await write('PUT', `apps/JQSERVICE/${instanceId(1)}/status?value=OUT_OF_SERVICE`);
      live.delete(2);
      await write('DELETE', `apps/JQSERVICE/${instanceId(2)}`);
      live.add(INSTANCES);
      await write('POST', 'apps/jqservice', registration(INSTANCES));
      await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
      await start(1);

      await waitUntil(
        async () =>
          `both nodes to agree: ${(await view(ports[0])).length} and ${(await view(ports[1])).length}`,
        async () => JSON.stringify(await view(ports[0])) === JSON.stringify(await view(ports[1])),
        60_000,
      );
    } finally {
      clearInterval(heartbeats);
      // A heartbeat still on its way would be enqueued after the counters below are read.
      await Promise.allSettled(inFlight);
    }
    const converged = await view(ports[1]);
    expect(converged).toHaveLength(INSTANCES);
    expect(converged.filter((entry) => entry.startsWith(`${instanceId(1)}:`))).toEqual([
      `${instanceId(1)}:OUT_OF_SERVICE:12`,
    ]);
    expect(converged.filter((entry) => entry.startsWith(`${instanceId(0)}:`))).toEqual([
      `${instanceId(0)}:UP:150011`,
    ]);

    const peer = `http://127.0.0.1:${ports[1]}/eureka/`;
    await waitUntil(
      'nothing pending',
      async () => metric(await scrape(ports[0]), 'registry_replication_pending', { peer }) === 0,
      30_000,
    );
    const counters = await scrape(ports[0]);
    const enqueued = metric(counters, 'registry_replication_enqueued_total', { peer });
    const sent = metric(counters, 'registry_replication_sent_total', { peer });
    const dropped = metric(counters, 'registry_replication_dropped_total', { peer });
    console.log(
      `node 0 to node 1: ${enqueued} enqueued, ${sent} sent, ${dropped} dropped (superseded heartbeats)`,
    );
    expect(enqueued).toBeGreaterThan(INSTANCES);
    expect(sent + dropped).toBe(enqueued);
    expect(metric(counters, 'registry_replication_dropped_total', { peer, reason: 'superseded' })).toBe(
      dropped,
    );
  }, 240_000);
});
