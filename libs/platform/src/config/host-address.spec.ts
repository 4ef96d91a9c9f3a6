import type { NetworkInterfaceInfo } from 'node:os';
import { firstExternalIpv4 } from './host-address';

const nic = (address: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family }) as NetworkInterfaceInfo;

describe('firstExternalIpv4', () => {
  it('finds the first non-loopback IPv4 address', () => {
    const interfaces = {
      lo: [nic('127.0.0.1', true)],
      eth0: [nic('fe80::1', false, 'IPv6'), nic('172.18.0.5', false)],
    };
    expect(firstExternalIpv4(interfaces)).toBe('172.18.0.5');
    expect(firstExternalIpv4({ lo: [nic('127.0.0.1', true)] })).toBeUndefined();
  });
});
