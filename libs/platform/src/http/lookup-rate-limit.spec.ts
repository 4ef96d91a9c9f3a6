import type { FastifyRequest } from 'fastify';
import { ForwardingProxies, lookupClient } from './lookup-rate-limit';

const FRONT_DOOR = '10.0.1.7';
const frontDoor = new ForwardingProxies();
frontDoor.believe((address) => address === FRONT_DOOR);
const request = (ip: string, forwardedFor?: string) =>
  ({ ip, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as FastifyRequest;

describe('lookupClient: whom a look-up counts against', () => {
  it('is the address a request came from, whatever X-Forwarded-For an untrusted caller claims', () => {
    expect(lookupClient(request('203.0.113.9', '198.51.100.1'), frontDoor)).toBe('203.0.113.9');
  });

  it('is the client the trusted front door forwards for: the address it added last, not one a client claimed', () => {
    expect(lookupClient(request(FRONT_DOOR, '198.51.100.1'), frontDoor)).toBe('198.51.100.1');
    expect(lookupClient(request(FRONT_DOOR, '192.0.2.66, 198.51.100.1'), frontDoor)).toBe('198.51.100.1');
  });

  it('is the front door itself when it forwards for nobody', () => {
    expect(lookupClient(request(FRONT_DOOR), frontDoor)).toBe(FRONT_DOOR);
  });

  it('reads IPv4-mapped IPv6 addresses as the IPv4 addresses a registry lists', () => {
    expect(lookupClient(request(`::ffff:${FRONT_DOOR}`, '::ffff:198.51.100.1'), frontDoor)).toBe(
      '198.51.100.1',
    );
  });
});
