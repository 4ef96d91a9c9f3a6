import { BODY, JSON_ACCEPT, getJson, gzippedJson, register, withInstance } from '../eureka-http';
import { registryPerTest } from '../registry-server';

// Checklist items 1-5, 19-25 of eureka-protocol.md over plain HTTP.
describe('queries and JSON shapes', () => {
  const current = registryPerTest();

  it('answers register with 204 and an empty body under /eureka/apps and /eureka/v2/apps', async () => {
    for (const path of ['apps/jqservice', 'v2/apps/jqservice']) {
      const response = await register(current.base, BODY, path);
      expect([response.status, await response.text()]).toEqual([204, '']);
    }
  });

  it('serves the empty registry exactly as Eureka does', async () => {
    for (const path of ['apps', 'apps/', 'v2/apps/', 'v1/apps/', 'apps/delta']) {
      const { status, body } = await getJson(current.base + path);
      expect(status).toBe(200);
      expect(body.applications.apps__hashcode).toBe('');
      expect(body.applications.application).toEqual([]);
    }
    expect((await getJson(current.base + 'apps')).body.applications.versions__delta).toBe('1');
  });

  it('writes an instance with the Java codec types, arrays for one element, and an empty-map metadata', async () => {
    await register(current.base);
    const { body } = await getJson(current.base + 'apps/');
    expect(body.applications).toMatchObject({ versions__delta: '1', apps__hashcode: 'UP_1_' });
    const [app] = body.applications.application;
    expect(app.name).toBe('JQSERVICE');
    expect(app.instance).toHaveLength(1);
    const instance = app.instance[0];
    expect(Object.keys(instance)).toEqual([
      'hostName',
      'app',
      'ipAddr',
      'status',
      'overriddenStatus',
      'port',
      'securePort',
      'countryId',
      'dataCenterInfo',
      'leaseInfo',
      'metadata',
      'vipAddress',
      'isCoordinatingDiscoveryServer',
      'lastUpdatedTimestamp',
      'lastDirtyTimestamp',
      'actionType',
    ]);
    expect(instance).toMatchObject({
      app: 'JQSERVICE',
      status: 'UP',
      overriddenStatus: 'UNKNOWN',
      port: { $: 8080, '@enabled': 'true' },
      securePort: { $: 7002, '@enabled': 'false' },
      countryId: 1,
      dataCenterInfo: { '@class': 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo', name: 'MyOwn' },
      leaseInfo: { renewalIntervalInSecs: 30, durationInSecs: 90, evictionTimestamp: 0 },
      metadata: { '@class': 'java.util.Collections$EmptyMap' },
      isCoordinatingDiscoveryServer: 'false',
      actionType: 'ADDED',
    });
    expect(typeof instance.lastUpdatedTimestamp).toBe('string');
    expect(typeof instance.lastDirtyTimestamp).toBe('string');
    expect(typeof instance.leaseInfo.registrationTimestamp).toBe('number');
  });

  it('counts every status in the hash, sorted by name', async () => {
    await register(current.base, withInstance({ instanceId: 'a' }));
    await register(current.base, withInstance({ instanceId: 'b' }));
    await register(current.base, withInstance({ instanceId: 'c', status: 'DOWN' }));
    expect((await getJson(current.base + 'apps')).body.applications.apps__hashcode).toBe('DOWN_1_UP_2_');
  });

  it('treats /apps/delta as the delta, not as an application called DELTA', async () => {
    await register(current.base);
    const { body } = await getJson(current.base + 'apps/delta');
    expect(body.applications.application[0].instance[0].actionType).toBe('ADDED');
  });

  it('serves an application, an instance, and an instance by id; 404 for unknown ones', async () => {
    await register(current.base);
    expect((await getJson(current.base + 'apps/jqservice')).body.application.name).toBe('JQSERVICE');
    expect((await getJson(current.base + 'apps/JQSERVICE/localhost')).body.instance.hostName).toBe(
      'localhost',
    );
    expect((await getJson(current.base + 'instances/localhost')).body.instance.app).toBe('JQSERVICE');
    for (const path of ['apps/NOPE', 'apps/JQSERVICE/nope', 'instances/nope']) {
      expect((await getJson(current.base + path)).status).toBe(404);
    }
  });

  it('looks up VIPs and secure VIPs, comma-separated, and answers 200 with no application for unknown ones', async () => {
    await register(current.base, withInstance({ vipAddress: 'a,b', secureVipAddress: 'sa' }));
    for (const vip of ['vips/a', 'vips/b', 'svips/sa']) {
      const { body } = await getJson(current.base + vip);
      expect(body.applications.versions__delta).toBe('-1');
      expect(body.applications.application[0].instance).toHaveLength(1);
    }
    const unknown = await getJson(current.base + 'vips/nope');
    expect([unknown.status, unknown.body.applications.application]).toEqual([200, []]);
  });

  it('chooses JSON only when Accept mentions json, otherwise XML', async () => {
    await register(current.base);
    const json = await fetch(current.base + 'apps', { headers: JSON_ACCEPT });
    expect(json.headers.get('content-type')).toContain('application/json');
    const xml = await fetch(current.base + 'apps');
    expect(xml.headers.get('content-type')).toContain('application/xml');
    const text = await xml.text();
    expect(text).toContain('<apps__hashcode>UP_1_</apps__hashcode>');
    expect(text).toContain('<port enabled="true">8080</port>');
  });

  it('gzips when asked, to the same JSON', async () => {
    await register(current.base);
    const gzipped = await gzippedJson(current.base + 'apps');
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body).toEqual((await getJson(current.base + 'apps')).body);
  });

  it('shows a new registration at once in fast mode', async () => {
    await register(current.base);
    expect((await getJson(current.base + 'apps')).body.applications.application).toHaveLength(1);
  });
});
