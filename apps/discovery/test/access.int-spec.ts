import {
  freePort,
  registryAuthorization,
  startAppProcess,
  TEST_REGISTRY_ENV,
  TEST_SECRET_MARK,
  waitUntil,
} from '@pss/testing';
import { AS_CLIENT, getJson, register, withInstance } from './eureka-http';
import { registryPerTest, startRegistry, type RunningRegistry } from './registry-server';

const REPLICATION = { 'x-netflix-discovery-replication': 'true' };
const WRONG_PASSWORD = { authorization: `Basic ${Buffer.from('jqservice:guess').toString('base64')}` };
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

// Two nodes, the first passing on to the second what it accepts, so the trust in the replication
// header shows. Each binds port 0: the second is up before the first needs its address.
describe('who may change the registry', () => {
  let nodes: RunningRegistry[] = [];

  beforeEach(async () => {
    const second = await startRegistry();
    nodes = [await startRegistry({ DISCOVERY_URLS: second.eurekaUrl }), second];
    await nodes[0].ready();
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

    // Replication keeps order: once a later write arrived, anything wrongly passed on would have too.
    expect((await register(base, withInstance({ hostName: 'later' }))).status).toBe(204);
    await waitUntil(
      'the later write on the other node',
      async () => (await instancesIn(nodes[1])).includes('JQSERVICE/later/UP'),
      10_000,
    );
    for (const node of nodes)
      expect(await instancesIn(node)).toEqual(['JQSERVICE/localhost/UP', 'JQSERVICE/later/UP']);
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
    const forged = withInstance({ metadata: { forged: 'yes' }, lastDirtyTimestamp: String(aYearAhead) });
    expect((await register(current.base, forged)).status).toBe(204);
    // Taken after the forged one was answered: never older than the registry's clamped copy of it.
    const real = withInstance({ metadata: { forged: 'no' }, lastDirtyTimestamp: String(Date.now()) });
    expect((await register(current.base, real)).status).toBe(204);
    const { body } = await getJson(`${current.base}apps/JQSERVICE/localhost`);
    expect(body.instance.metadata).toEqual({ forged: 'no' });
  });
});

describe('credentials in peer URLs', () => {
  it('never show in a log line, on the status page, in /eureka/status or in /metrics', async () => {
    const secret = 'secret-in-the-peer-url';
    // Nobody listens there: the replication to it fails and is logged.
    const absentPeer = `http://127.0.0.1:${await freePort()}/eureka/`;
    const node = await startAppProcess('discovery', {
      ...TEST_REGISTRY_ENV,
      INSTANCE_HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      DISCOVERY_URLS: absentPeer.replace('http://', `http://pss-peer:${secret}@`),
    });
    try {
      const base = `http://127.0.0.1:${node.port}`;
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
        for (const password of [secret, TEST_SECRET_MARK]) expect(text).not.toContain(password);
      }
    } finally {
      await node.stop();
    }
  });
});
