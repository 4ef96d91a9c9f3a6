import { registryAuthorization, startAppProcess, TEST_REGISTRY_ENV, waitUntil } from '@pss/testing';
import { AS_CLIENT, getJson, register, withInstance } from './eureka-http';
import { freePort, registryPerTest, startRegistry, type RunningRegistry } from './registry-server';

const REPLICATION = { 'x-netflix-discovery-replication': 'true' };
const WRONG_PASSWORD = {
  authorization: `Basic ${Buffer.from(`${TEST_REGISTRY_ENV.REGISTRY_USERNAME}:guess`).toString('base64')}`,
};
const FAKE_FARES = {
  instance: {
    app: 'FARES',
    hostName: 'attacker',
    ipAddr: '6.6.6.6',
    port: { $: 8080, '@enabled': 'true' },
    dataCenterInfo: { name: 'MyOwn' },
  },
};

const send = (url: string, method: string, headers: Record<string, string> = {}, body?: unknown) =>
  fetch(url, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const instancesIn = async (node: RunningRegistry) =>
  (await getJson(node.eurekaUrl + 'apps')).body.applications.application.flatMap(
    (app: { instance: { app: string; hostName: string; status: string }[] }) =>
      app.instance.map(({ app: name, hostName, status }) => `${name}/${hostName}/${status}`),
  );

// Two peered nodes: what one node accepts it passes on, so the trust in the replication header shows.
describe('who may change the registry', () => {
  let nodes: RunningRegistry[] = [];

  beforeEach(async () => {
    const ports = [await freePort(), await freePort()];
    const env = { DISCOVERY_URLS: ports.map((port) => `http://127.0.0.1:${port}/eureka/`).join(',') };
    nodes = [await startRegistry(env, ports[0]), await startRegistry(env, ports[1])];
    expect((await register(nodes[0].eurekaUrl)).status).toBe(204);
  });
  afterEach(() => Promise.all(nodes.map((node) => node.close())));

  it('refuses forged register, cancel, status change and replication batch with 401, and changes nothing', async () => {
    const base = nodes[0].eurekaUrl;
    const real = `${base}apps/JQSERVICE/localhost`;
    const batch = {
      replicationList: [
        { appName: 'FARES', id: 'attacker', action: 'Register', instanceInfo: FAKE_FARES.instance },
        { appName: 'JQSERVICE', id: 'localhost', action: 'Cancel' },
      ],
    };
    for (const headers of [{}, WRONG_PASSWORD]) {
      const answers = [
        await send(`${base}apps/FARES`, 'POST', headers, FAKE_FARES),
        await send(real, 'DELETE', headers),
        await send(`${real}/status?value=OUT_OF_SERVICE`, 'PUT', headers),
        await send(`${real}/metadata?zone=attacker`, 'PUT', headers),
        await send(`${base}peerreplication/batch/`, 'POST', { ...headers, ...REPLICATION }, batch),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
      expect(answers[0].headers.get('www-authenticate')).toBe('Basic realm="eureka"');
    }
    const asClient = await send(
      `${base}peerreplication/batch/`,
      'POST',
      { ...AS_CLIENT, ...REPLICATION },
      batch,
    );
    expect(asClient.status).toBe(403);

    await new Promise((resolve) => setTimeout(resolve, 300)); // anything replicated would arrive now
    for (const node of nodes) expect(await instancesIn(node)).toEqual(['JQSERVICE/localhost/UP']);
  });

  it('does not trust the replication header from a caller without the peer account', async () => {
    const spoofed = await register(
      nodes[0].eurekaUrl,
      withInstance({ hostName: 'spoofed' }),
      'apps/jqservice',
      REPLICATION,
    );
    expect(spoofed.status).toBe(204);
    // Taken as the client write it is, it reaches the other node like any other.
    await waitUntil(
      'the spoofed write on the other node',
      async () => (await instancesIn(nodes[1])).includes('JQSERVICE/spoofed/UP'),
      10_000,
    );
  });

  it('keeps reads open unless REGISTRY_READS_REQUIRE_AUTH, then answers them 401 without credentials', async () => {
    expect((await send(`${nodes[0].eurekaUrl}apps`, 'GET')).status).toBe(200);
    const closed = await startRegistry({ REGISTRY_READS_REQUIRE_AUTH: 'true' });
    try {
      for (const path of ['eureka/apps', 'eureka/apps/JQSERVICE', 'eureka/status', ''])
        expect((await send(`http://127.0.0.1:${closed.port}/${path}`, 'GET')).status).toBe(401);
      const withAccount = await send(`${closed.eurekaUrl}apps`, 'GET', AS_CLIENT);
      expect(withAccount.status).toBe(200);
      const peerAccount = { authorization: registryAuthorization('peer') };
      expect((await send(`${closed.eurekaUrl}apps`, 'GET', peerAccount)).status).toBe(200);
      expect((await send(`http://127.0.0.1:${closed.port}/health/ready`, 'GET')).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe('lastDirtyTimestamp from a client', () => {
  const current = registryPerTest({ REGISTRY_MAX_CLOCK_SKEW_MS: '0' });

  it('takes a forged lastDirtyTimestamp in the future as now, so the real registration replaces it', async () => {
    const aYearAhead = Date.now() + 365 * 24 * 3600_000;
    const forged = withInstance({ ipAddr: '6.6.6.6', lastDirtyTimestamp: String(aYearAhead) });
    expect((await register(current.base, forged)).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const real = withInstance({ ipAddr: '10.0.0.1', lastDirtyTimestamp: String(Date.now()) });
    expect((await register(current.base, real)).status).toBe(204);
    const { body } = await getJson(`${current.base}apps/JQSERVICE/localhost`);
    expect(body.instance.ipAddr).toBe('10.0.0.1');
  });
});

describe('credentials in peer URLs', () => {
  it('never show in a log line, on the status page, in /eureka/status or in /metrics', async () => {
    const secret = 'secret-in-the-peer-url';
    const port = await freePort();
    const absentPeer = `http://127.0.0.1:${await freePort()}/eureka/`;
    const node = await startAppProcess(
      'discovery',
      {
        ...TEST_REGISTRY_ENV,
        INSTANCE_HOST: '127.0.0.1',
        LOG_LEVEL: 'debug',
        DISCOVERY_URLS: absentPeer.replace('http://', `http://pss-peer:${secret}@`),
      },
      port,
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await register(`${base}/eureka/`)).status).toBe(204);
      await waitUntil(
        'a failed replication in the log',
        async () => node.output().includes('replication to'),
        10_000,
      );
      const shown = await Promise.all(
        ['/', '/eureka/status', '/metrics'].map(async (path) => (await fetch(base + path)).text()),
      );
      for (const text of [...shown, node.output()]) {
        expect(text).toContain(absentPeer);
        for (const password of [
          secret,
          TEST_REGISTRY_ENV.REGISTRY_PASSWORD,
          TEST_REGISTRY_ENV.REGISTRY_PEER_PASSWORD,
        ])
          expect(text).not.toContain(password);
      }
    } finally {
      await node.stop();
    }
  });
});
