import type { FastifyRequest } from 'fastify';
import { clientAddress, forwardedFor } from './client-address';

const request = (ip: string, xForwardedFor?: string) =>
  ({
    ip,
    headers: xForwardedFor === undefined ? {} : { 'x-forwarded-for': xForwardedFor },
  }) as FastifyRequest;
const checkin = { trusts: async (address: string) => address === '10.0.0.7' };

describe('clientAddress', () => {
  it('is the address a request came from when no hop is trusted', async () => {
    expect(await clientAddress(request('::ffff:192.0.2.1', '203.0.113.9'))).toBe('192.0.2.1');
    expect(await clientAddress(request('192.0.2.1', '203.0.113.9'), checkin)).toBe('192.0.2.1');
  });

  it('is the address a trusted hop added last, whatever the client wrote before it', async () => {
    expect(await clientAddress(request('10.0.0.7', '203.0.113.9'), checkin)).toBe('203.0.113.9');
    expect(await clientAddress(request('::ffff:10.0.0.7', '1.2.3.4, 203.0.113.9'), checkin)).toBe(
      '203.0.113.9',
    );
    expect(await clientAddress(request('10.0.0.7'), checkin)).toBe('10.0.0.7');
  });
});

describe('forwardedFor', () => {
  it('passes on the chain the request carried, then the address it came from', () => {
    expect(forwardedFor(request('::ffff:192.0.2.1'))).toBe('192.0.2.1');
    expect(forwardedFor(request('10.0.0.7', '1.2.3.4, 203.0.113.9'))).toBe('1.2.3.4, 203.0.113.9, 10.0.0.7');
  });
});
