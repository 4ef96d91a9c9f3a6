import { call, getJson, register, withInstance } from '../eureka-http';
import { startRegistry, type RunningRegistry } from '../registry-server';

// Checklist items 15-18 and 28-33 of eureka-protocol.md.
describe('heartbeat, cancel, status overrides, metadata', () => {
  let registry: RunningRegistry;
  let instanceUrl: string;
  const instance = async () => (await getJson(instanceUrl)).body?.instance;

  beforeEach(async () => {
    registry = await startRegistry();
    instanceUrl = registry.eurekaUrl + 'apps/JQSERVICE/localhost';
    await register(registry.eurekaUrl, withInstance({ lastDirtyTimestamp: '1700000000000' }));
  });
  afterEach(() => registry.close());

  it('answers a heartbeat 200 and an unknown one 404, both with empty bodies', async () => {
    const known = await call(instanceUrl, 'PUT');
    expect([known.status, await known.text()]).toEqual([200, '']);
    const unknown = await call(registry.eurekaUrl + 'apps/JQSERVICE/unknown', 'PUT');
    expect([unknown.status, await unknown.text()]).toEqual([404, '']);
  });

  it('answers 404 to a Java heartbeat carrying newer information, 200 to older', async () => {
    expect((await call(`${instanceUrl}?status=UP&lastDirtyTimestamp=1800000000000`, 'PUT')).status).toBe(404);
    expect((await call(`${instanceUrl}?status=UP&lastDirtyTimestamp=1600000000000`, 'PUT')).status).toBe(200);
  });

  it('cancels once with 200, then 404', async () => {
    expect((await call(instanceUrl, 'DELETE')).status).toBe(200);
    expect((await call(instanceUrl, 'DELETE')).status).toBe(404);
  });

  it('keeps an OUT_OF_SERVICE override across heartbeats and a re-registration with UP', async () => {
    expect((await call(`${instanceUrl}/status?value=OUT_OF_SERVICE`, 'PUT')).status).toBe(200);
    await call(instanceUrl, 'PUT');
    await register(registry.eurekaUrl);
    expect(await instance()).toMatchObject({ status: 'OUT_OF_SERVICE', overriddenStatus: 'OUT_OF_SERVICE' });
    expect(
      (await getJson(registry.eurekaUrl.replace('eureka/', 'eureka/serverinfo/statusoverrides'))).body,
    ).toEqual({
      localhost: 'OUT_OF_SERVICE',
    });
  });

  it('refuses a missing or invalid status value with 400, and an unknown instance with 404', async () => {
    expect((await call(`${instanceUrl}/status`, 'PUT')).status).toBe(400);
    expect((await call(`${instanceUrl}/status?value=SLEEPY`, 'PUT')).status).toBe(400);
    expect((await call(`${registry.eurekaUrl}apps/JQSERVICE/nope/status?value=UP`, 'PUT')).status).toBe(404);
  });

  it('removes the override with a fallback; without one the next heartbeat asks for re-registration', async () => {
    await call(`${instanceUrl}/status?value=OUT_OF_SERVICE`, 'PUT');
    expect((await call(`${instanceUrl}/status?value=UP`, 'DELETE')).status).toBe(200);
    expect(await instance()).toMatchObject({ status: 'UP', overriddenStatus: 'UNKNOWN' });
    await call(`${instanceUrl}/status?value=OUT_OF_SERVICE`, 'PUT');
    await call(`${instanceUrl}/status`, 'DELETE');
    expect((await instance()).status).toBe('UNKNOWN');
    expect((await call(instanceUrl, 'PUT')).status).toBe(404);
  });

  it('lets a client reporting DOWN beat an override, and cancel forget the override', async () => {
    await call(`${instanceUrl}/status?value=OUT_OF_SERVICE`, 'PUT');
    await register(registry.eurekaUrl, withInstance({ status: 'DOWN' }));
    expect((await instance()).status).toBe('DOWN');
    await call(instanceUrl, 'DELETE');
    await register(registry.eurekaUrl);
    expect((await instance()).status).toBe('UP');
  });

  it('adds metadata from the query string; 404 for an unknown instance', async () => {
    expect((await call(`${instanceUrl}/metadata?zone=a&weight=10`, 'PUT')).status).toBe(200);
    expect((await instance()).metadata).toEqual({ zone: 'a', weight: '10' });
    expect((await call(`${registry.eurekaUrl}apps/JQSERVICE/nope/metadata?a=b`, 'PUT')).status).toBe(404);
  });
});
