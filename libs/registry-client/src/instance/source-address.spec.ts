import { networkInterfaces } from 'node:os';
import { sourceAddressTowards, sourceAddressTowardsAny } from './source-address';

describe('sourceAddressTowards', () => {
  it('is the loopback address for a registry on this host', async () => {
    await expect(sourceAddressTowards('http://127.0.0.1:8761/eureka/')).resolves.toBe('127.0.0.1');
  });

  it('is one of this host’s own addresses for a registry elsewhere', async () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry?.family === 'IPv4')
      .map((entry) => entry?.address);
    // A documentation-only address (TEST-NET-3): routed by the default route, never contacted.
    const address = await sourceAddressTowards('http://203.0.113.7:8761/eureka/');
    expect(own).toContain(address);
    expect(address).not.toBe('127.0.0.1');
  });

  it('is undefined when the host name does not resolve', async () => {
    await expect(sourceAddressTowards('http://no-such-registry.invalid:8761/')).resolves.toBeUndefined();
  });
});

describe('sourceAddressTowardsAny', () => {
  it('skips registries whose names do not resolve (a node that is down) and routes towards the next', async () => {
    const urls = ['http://no-such-registry.invalid:8761/', 'http://127.0.0.1:8762/eureka/'];
    await expect(sourceAddressTowardsAny(urls)).resolves.toBe('127.0.0.1');
  });

  it('is undefined when no registry resolves', async () => {
    await expect(sourceAddressTowardsAny(['http://no-such-registry.invalid:8761/'])).resolves.toBeUndefined();
  });
});
