import { freePort, registryAuthorization } from '@pss/testing';
import { eventually, jsClient, started, stopped } from './eureka-js-client';
import { call, getJson, register } from './eureka-http';
import { startRegistry, type RunningRegistry } from './registry-server';

const FROM_PEER = {
  'x-netflix-discovery-replication': 'true',
  authorization: registryAuthorization('peer'),
};

const batch = (eurekaUrl: string, replicationList: unknown[]) =>
  fetch(eurekaUrl + 'peerreplication/batch/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...FROM_PEER },
    body: JSON.stringify({ replicationList }),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));

const instanceIn = async (node: RunningRegistry) =>
  (await getJson(node.eurekaUrl + 'apps/JQSERVICE/localhost')).body?.instance;

// Checklist items 48-50 of eureka-protocol.md: two of our nodes form one registry.
describe('peer replication', () => {
  let ports: number[];
  let nodes: RunningRegistry[] = [];
  const peersEnv = () => ({
    DISCOVERY_URLS: ports.map((port) => `http://127.0.0.1:${port}/eureka/`).join(','),
  });
  const startNode = async (index: number) => (nodes[index] = await startRegistry(peersEnv(), ports[index]));

  beforeEach(async () => {
    ports = [await freePort(), await freePort()];
    nodes = [];
    await startNode(0);
    await startNode(1);
  });
  afterEach(() => Promise.all(nodes.map((node) => node.close())));

  it('applies batch items and answers each with its status', async () => {
    const { body: fetched } = await getJson(nodes[0].eurekaUrl + 'apps');
    expect(fetched.applications.application).toEqual([]);
    const instanceInfo = {
      app: 'JQSERVICE',
      hostName: 'localhost',
      ipAddr: '127.0.0.1',
      port: { $: 8080 },
      dataCenterInfo: { name: 'MyOwn' },
    };
    const reply = await batch(nodes[0].eurekaUrl, [
      { appName: 'JQSERVICE', id: 'localhost', action: 'Register', instanceInfo },
      { appName: 'JQSERVICE', id: 'nobody', action: 'Heartbeat' },
      { appName: 'JQSERVICE', id: 'localhost', action: 'StatusUpdate', status: 'OUT_OF_SERVICE' },
      { appName: 'JQSERVICE', id: 'nobody', action: 'Cancel' },
      { action: 'Explode' },
    ]);
    expect(reply).toEqual({
      status: 200,
      body: {
        responseList: [
          { statusCode: 200 },
          { statusCode: 404 },
          { statusCode: 200 },
          { statusCode: 404 },
          { statusCode: 400 },
        ],
      },
    });
    expect((await instanceIn(nodes[0])).status).toBe('OUT_OF_SERVICE');
  });

  it('does not pass on writes that came from a peer', async () => {
    await register(nodes[0].eurekaUrl, undefined, undefined, FROM_PEER);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await instanceIn(nodes[0])).toBeDefined();
    expect(await instanceIn(nodes[1])).toBeUndefined();
  });

  it('replicates register, status override and cancel to the other node', async () => {
    await register(nodes[0].eurekaUrl);
    await eventually(async () => expect((await instanceIn(nodes[1]))?.status).toBe('UP'));
    await call(nodes[0].eurekaUrl + 'apps/JQSERVICE/localhost/status?value=OUT_OF_SERVICE', 'PUT');
    await eventually(async () => expect((await instanceIn(nodes[1]))?.status).toBe('OUT_OF_SERVICE'));
    await call(nodes[0].eurekaUrl + 'apps/JQSERVICE/localhost', 'DELETE');
    await eventually(async () => expect(await instanceIn(nodes[1])).toBeUndefined());
  });

  it('lets a js client registered on one node be found through the other', async () => {
    const registrant = jsClient({ port: ports[0] });
    const reader = jsClient({ port: ports[1], eureka: { registerWithEureka: false } });
    try {
      await started(registrant);
      await started(reader);
      await eventually(() => expect(reader.getInstancesByAppId('jqservice')).toHaveLength(1));
    } finally {
      await Promise.all([stopped(registrant), stopped(reader)]);
    }
  });

  it('refills a restarted node: from its peer at start, and through heartbeats it did not know', async () => {
    await register(nodes[0].eurekaUrl);
    await eventually(async () => expect(await instanceIn(nodes[1])).toBeDefined());
    await nodes[1].close();
    await startNode(1);
    await eventually(async () => expect(await instanceIn(nodes[1])).toBeDefined());

    await nodes[1].close();
    await startNode(1);
    // Forget what the sync copied; node 0's next heartbeat hears 404 from node 1 and sends the instance.
    const forget = () =>
      fetch(nodes[1].eurekaUrl + 'apps/JQSERVICE/localhost', { method: 'DELETE', headers: FROM_PEER });
    await eventually(async () => expect((await forget()).ok).toBe(true));
    expect(await instanceIn(nodes[1])).toBeUndefined();
    await call(nodes[0].eurekaUrl + 'apps/JQSERVICE/localhost', 'PUT');
    await eventually(async () => expect(await instanceIn(nodes[1])).toBeDefined());
  });
});
