import { InvalidRegistration } from './invalid-registration';
import { parseInstance } from './parse-instance';
import { jsClientBody, testLimits } from '../../test/test-registrations';

const parse = (overrides: Record<string, unknown>, pathApp = 'JQSERVICE') =>
  parseInstance(jsClientBody(overrides), pathApp, 5_000, testLimits);

describe('parseInstance', () => {
  it.each([
    [{ hostName: undefined }, 'Missing hostname'],
    [{ ipAddr: '' }, 'Missing ip address'],
    [{ app: undefined }, 'Missing appName'],
    [{ app: 'other' }, 'Mismatched appName, expecting JQSERVICE but was OTHER'],
    [{ dataCenterInfo: undefined }, 'Missing dataCenterInfo'],
    [{ dataCenterInfo: { '@class': 'x' } }, 'Missing dataCenterInfo Name'],
  ])('refuses %j with the real server message', (overrides, message) => {
    expect(() => parse(overrides)).toThrow(new InvalidRegistration(message));
  });

  it.each([8080, '8080', { $: '8080', '@enabled': 'true' }, { $: 8080, '@enabled': true }])(
    'accepts port %j',
    (port) => expect(parse({ port }).port).toEqual({ port: 8080, enabled: true }),
  );

  it('fills the Java defaults for what a js client leaves out', () => {
    const info = parse({ dataCenterInfo: { name: 'MyOwn' }, status: undefined });
    expect(info).toMatchObject({
      id: 'localhost',
      app: 'JQSERVICE',
      status: 'UP',
      overriddenStatus: 'UNKNOWN',
      securePort: { port: 7002, enabled: false },
      countryId: 1,
      renewalIntervalInSecs: 30,
      durationInSecs: 90,
      lastDirtyTimestamp: 5_000,
      dataCenterInfo: { className: 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo', name: 'MyOwn' },
    });
    expect(info.instanceId).toBeUndefined();
  });

  it('takes the id from instanceId, then Amazon instance-id, then hostName', () => {
    expect(parse({ instanceId: 'a:1' }).id).toBe('a:1');
    const amazon = { name: 'Amazon', metadata: { 'instance-id': 'i-123' } };
    expect(parse({ dataCenterInfo: amazon }).id).toBe('i-123');
    expect(parse({ metadata: { instanceId: 'x' } }).id).toBe('localhost:x');
  });

  it('reads unknown statuses as UNKNOWN and the legacy overriddenstatus key', () => {
    const info = parse({ status: 'SLEEPY', overriddenstatus: 'OUT_OF_SERVICE' });
    expect(info.status).toBe('UNKNOWN');
    expect(info.overriddenStatus).toBe('OUT_OF_SERVICE');
  });

  it('honours the lease from the body and keeps metadata as strings without @class', () => {
    const info = parse({
      leaseInfo: { renewalIntervalInSecs: 5, durationInSecs: 15 },
      metadata: { '@class': 'java.util.Collections$EmptyMap', weight: 10 },
    });
    expect([info.renewalIntervalInSecs, info.durationInSecs]).toEqual([5, 15]);
    expect(info.metadata).toEqual({ weight: '10' });
  });
});
