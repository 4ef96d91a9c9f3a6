import {
  eventually,
  registryAuthorization,
  startAppProcess,
  TEST_REGISTRY_ENV,
  TEST_SECRET_MARK,
  type RunningProcess,
} from '@pss/testing';
import { getJson, withInstance } from './eureka-http';

const as = (account: string) => ({ authorization: registryAuthorization(account) });
const REPLICATION = { 'x-netflix-discovery-replication': 'true' };
const WRONG = { authorization: `Basic ${Buffer.from('fares:not-the-password').toString('base64')}` };
const instanceOf = (app: string, id: string, ipAddr = '10.0.0.2') =>
  withInstance({ app, instanceId: id, hostName: ipAddr, ipAddr });

// One registry process with every request logged: what it writes is checked for secrets at the end.
describe('an account per service', () => {
  let registry: RunningProcess;
  let base: string;
  const bodies: string[] = [];

  const send = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    bodies.push(text);
    return { status: response.status, text };
  };
  /** register, renew, set and remove an override, change metadata, cancel: each write of one instance. */
  const everyWrite = async (app: string, id: string, headers: Record<string, string>) => {
    const instance = `apps/${app}/${id}`;
    return [
      await send('POST', `apps/${app}`, headers, instanceOf(app, id)),
      await send('PUT', instance, headers),
      await send('PUT', `${instance}/status?value=OUT_OF_SERVICE`, headers),
      await send('DELETE', `${instance}/status?value=UP`, headers),
      await send('PUT', `${instance}/metadata?zone=b`, headers),
      await send('DELETE', instance, headers),
    ];
  };
  const instance = async (app: string, id: string) =>
    (await getJson(`${base}apps/${app}/${id}`)).body?.instance;

  beforeAll(async () => {
    registry = await startAppProcess('discovery', {
      ...TEST_REGISTRY_ENV,
      INSTANCE_HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
    });
    base = `http://127.0.0.1:${registry.port}/eureka/`;
  });
  afterAll(() => registry?.stop());

  beforeEach(async () => {
    expect(
      (await send('POST', 'apps/BOOKING', as('booking'), instanceOf('booking', 'booking-1'))).status,
    ).toBe(204);
  });
  afterEach(() => send('DELETE', 'apps/BOOKING/booking-1', as('operator')));

  it("refuses every write of another application's instance with 403 and a reason, and changes nothing", async () => {
    for (const app of ['BOOKING', 'booking']) {
      const answers = await everyWrite(app, 'booking-1', as('fares'));
      expect(answers).toEqual(Array(6).fill({ status: 403, text: 'this account may not write BOOKING' }));
    }
    expect(await instance('BOOKING', 'booking-1')).toMatchObject({
      status: 'UP',
      overriddenStatus: 'UNKNOWN',
      metadata: { '@class': 'java.util.Collections$EmptyMap' },
    });
  });

  it('lets a service do each of those writes to its own instances', async () => {
    const answers = await everyWrite('FARES', 'fares-1', as('fares'));
    expect(answers.map(({ status }) => status)).toEqual([204, 200, 200, 200, 200, 200]);
    expect(await instance('FARES', 'fares-1')).toBeUndefined();
  });

  it("lets the operator override any application's status", async () => {
    expect(
      (await send('PUT', 'apps/BOOKING/booking-1/status?value=OUT_OF_SERVICE', as('operator'))).status,
    ).toBe(200);
    expect(await instance('BOOKING', 'booking-1')).toMatchObject({ status: 'OUT_OF_SERVICE' });
    expect((await send('DELETE', 'apps/BOOKING/booking-1/status?value=UP', as('operator'))).status).toBe(200);
    expect(await instance('BOOKING', 'booking-1')).toMatchObject({
      status: 'UP',
      overriddenStatus: 'UNKNOWN',
    });
  });

  it('keeps the peer account to replication: it cannot register as a client', async () => {
    expect(await send('POST', 'apps/FARES', as('peer'), instanceOf('fares', 'fares-1'))).toEqual({
      status: 403,
      text: 'the peer account only replicates',
    });
    expect(
      await send('POST', 'apps/FARES', { ...as('peer'), ...REPLICATION }, instanceOf('fares', 'fares-2')),
    ).toMatchObject({
      status: 204,
    });
    await send('DELETE', 'apps/FARES/fares-2', as('operator'));
  });

  it('refuses to move a live instance id to another address, whatever its lastDirtyTimestamp, until it is gone', async () => {
    const takeover = withInstance({
      ...instanceOf('booking', 'booking-1', '6.6.6.6').instance,
      lastDirtyTimestamp: String(Date.now() + 10_000),
    });
    for (const account of ['booking', 'operator']) {
      const answer = await send('POST', 'apps/BOOKING', as(account), takeover);
      expect(answer.status).toBe(409);
      expect(answer.text).toMatch(/^Instance booking-1 of BOOKING is registered from another address/);
    }
    expect(await instance('BOOKING', 'booking-1')).toMatchObject({ ipAddr: '10.0.0.2' });

    expect((await send('DELETE', 'apps/BOOKING/booking-1', as('booking'))).status).toBe(200);
    expect((await send('POST', 'apps/BOOKING', as('booking'), takeover)).status).toBe(204);
    expect(await instance('BOOKING', 'booking-1')).toMatchObject({ ipAddr: '6.6.6.6' });
  });

  it('lets another address have an instance id once its lease expired', async () => {
    const shortLease = (ipAddr: string) =>
      withInstance({ ...instanceOf('fares', 'fares-3', ipAddr).instance, leaseInfo: { durationInSecs: 1 } });
    expect((await send('POST', 'apps/FARES', as('fares'), shortLease('10.0.0.3'))).status).toBe(204);
    await eventually(async () => {
      expect((await send('POST', 'apps/FARES', as('fares'), shortLease('10.0.0.4'))).status).toBe(204);
    }, 10_000);
    expect(await instance('FARES', 'fares-3')).toMatchObject({ ipAddr: '10.0.0.4' });
    await send('DELETE', 'apps/FARES/fares-3', as('fares'));
  });

  it('answers 401 to a wrong password, and shows no password in a log line or an answer', async () => {
    expect((await send('POST', 'apps/FARES', WRONG, instanceOf('fares', 'fares-1'))).status).toBe(401);
    // The request log line comes after the answer: wait for it, so the check below covers it.
    await eventually(async () => expect(registry.output()).toContain('"statusCode":401'), 10_000);
    const secrets = [
      TEST_SECRET_MARK,
      'not-the-password',
      ...['fares', 'booking', 'operator', 'peer'].map((account) => registryAuthorization(account).slice(6)),
      WRONG.authorization.slice(6),
    ];
    for (const text of [registry.output(), ...bodies])
      for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
