import type { NetworkInterfaceInfo } from 'node:os';
import { firstExternalIpv4, instanceIdentity } from './instance-identity';

const nic = (address: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family }) as NetworkInterfaceInfo;

describe('instance identity', () => {
  it('finds the first non-loopback IPv4 address', () => {
    const interfaces = {
      lo: [nic('127.0.0.1', true)],
      eth0: [nic('fe80::1', false, 'IPv6'), nic('172.18.0.5', false)],
    };
    expect(firstExternalIpv4(interfaces)).toBe('172.18.0.5');
    expect(firstExternalIpv4({ lo: [nic('127.0.0.1', true)] })).toBeUndefined();
  });

  it('uses the container address when INSTANCE_HOST is not set', () => {
    expect(instanceIdentity('FARES', 8080, undefined, '172.18.0.5')).toEqual({
      hostName: '172.18.0.5',
      ipAddr: '172.18.0.5',
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
