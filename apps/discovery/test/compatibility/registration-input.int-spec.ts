import { gzipSync } from 'node:zlib';
import { AS_CLIENT, getJson, register, withInstance } from '../eureka-http';
import { registryPerTest } from '../registry-server';

// Checklist items 7-14 of eureka-protocol.md.
describe('register input', () => {
  const current = registryPerTest();

  it.each([
    [{ hostName: undefined }, 'Missing hostname'],
    [{ ipAddr: undefined }, 'Missing ip address'],
    [{ dataCenterInfo: undefined }, 'Missing dataCenterInfo'],
    [{ dataCenterInfo: { '@class': 'x' } }, 'Missing dataCenterInfo Name'],
    [{ app: 'OTHER' }, 'Mismatched appName, expecting JQSERVICE but was OTHER'],
  ])('refuses %j with 400 and the real server message', async (fields, message) => {
    const response = await register(current.base, withInstance(fields));
    expect([response.status, await response.text()]).toEqual([400, message]);
  });

  it('refuses a body it cannot read with 400 and changes nothing', async () => {
    expect((await register(current.base, '{"instance":')).status).toBe(400);
    expect((await register(current.base, { notAnInstance: {} })).status).toBe(400);
    expect((await getJson(current.base + 'apps')).body.applications.application).toEqual([]);
  });

  it('reads a gzip-encoded body, as a peer may send one', async () => {
    const gzipped = await fetch(`${current.base}apps/jqservice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...AS_CLIENT },
      body: gzipSync(JSON.stringify(withInstance({ hostName: 'gzip-host' }))),
    });
    expect(gzipped.status).toBe(204);
    expect((await getJson(current.base + 'apps/JQSERVICE/gzip-host')).status).toBe(200);
  });

  it.each([8080, { $: '8080', '@enabled': 'true' }, { $: 8080, '@enabled': true }])(
    'accepts port %j and writes it as the Java codec does',
    async (port) => {
      expect((await register(current.base, withInstance({ port }))).status).toBe(204);
      const { body } = await getJson(current.base + 'apps/JQSERVICE/localhost');
      expect(body.instance.port).toEqual({ $: 8080, '@enabled': 'true' });
    },
  );

  it('accepts dataCenterInfo without @class and writes the default class', async () => {
    await register(current.base, withInstance({ dataCenterInfo: { name: 'MyOwn' } }));
    const { body } = await getJson(current.base + 'apps/JQSERVICE/localhost');
    expect(body.instance.dataCenterInfo['@class']).toBe(
      'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo',
    );
  });

  it('accepts an XML body', async () => {
    const xml =
      '<instance><app>jqservice</app><hostName>xml-host</hostName><ipAddr>10.0.0.9</ipAddr>' +
      '<port enabled="true">8080</port><dataCenterInfo class="com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo">' +
      '<name>MyOwn</name></dataCenterInfo></instance>';
    const response = await fetch(current.base + 'apps/jqservice', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', ...AS_CLIENT },
      body: xml,
    });
    expect(response.status).toBe(204);
    expect((await getJson(current.base + 'apps/JQSERVICE/xml-host')).body.instance.port.$).toBe(8080);
  });

  it('keys by instanceId (else hostName), replaces on re-register, and ignores unknown fields', async () => {
    await register(current.base, withInstance({ instanceId: 'one', somethingNew: true }));
    await register(current.base, withInstance({ instanceId: 'two' }));
    await register(current.base, withInstance({ instanceId: 'two' }));
    await register(current.base);
    const { body } = await getJson(current.base + 'apps/JQSERVICE');
    const ids = body.application.instance.map(
      (i: { instanceId?: string; hostName: string }) => i.instanceId ?? i.hostName,
    );
    expect(ids.sort()).toEqual(['localhost', 'one', 'two']);
  });

  it('treats the path app name case-insensitively', async () => {
    await register(current.base, withInstance({ app: 'JqService' }), 'apps/JQSERVICE');
    expect((await getJson(current.base + 'apps/jqservice')).body.application.instance[0].app).toBe(
      'JQSERVICE',
    );
  });
});
