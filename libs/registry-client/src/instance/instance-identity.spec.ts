import { instanceIdentity } from './instance-identity';

describe('instance identity', () => {
  it('is the address the registry is reached from, when no INSTANCE_HOST names the instance', () => {
    expect(instanceIdentity('FARES', 8080, undefined, '172.18.0.5')).toEqual({
      hostName: '172.18.0.5',
      ipAddr: '172.18.0.5',
      port: 8080,
      instanceId: '172.18.0.5:fares:8080',
    });
  });

  it('differs between replicas of one service: eureka-js-client keeps one instance per host name and port', () => {
    const [one, two] = ['172.18.0.5', '172.18.0.6'].map((ip) =>
      instanceIdentity('FARES', 8080, undefined, ip),
    );
    expect(one.hostName).not.toBe(two.hostName);
    expect(one.instanceId).not.toBe(two.instanceId);
  });

  it('takes INSTANCE_HOST as the host name, and as the address when it is an IP', () => {
    expect(instanceIdentity('FARES', 8080, 'fares-1', '172.18.0.5')).toMatchObject({
      hostName: 'fares-1',
      ipAddr: '172.18.0.5',
    });
    expect(instanceIdentity('FARES', 8080, '127.0.0.1', '172.18.0.5')).toMatchObject({ ipAddr: '127.0.0.1' });
  });
});
