import { instanceIdentity } from './instance-identity';

describe('instance identity', () => {
  it('is the container address, when that is the host the platform reports', () => {
    expect(instanceIdentity('FARES', 8080, '172.18.0.5', '172.18.0.5')).toEqual({
      hostName: '172.18.0.5',
      ipAddr: '172.18.0.5',
      port: 8080,
      instanceId: '172.18.0.5:fares:8080',
    });
  });

  it('takes INSTANCE_HOST as the host name, and as the address when it is an IP', () => {
    expect(instanceIdentity('FARES', 8080, 'fares', '172.18.0.5')).toMatchObject({
      hostName: 'fares',
      ipAddr: '172.18.0.5',
    });
    expect(instanceIdentity('FARES', 8080, '127.0.0.1', '172.18.0.5')).toMatchObject({ ipAddr: '127.0.0.1' });
  });
});
