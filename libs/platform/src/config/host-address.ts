import { networkInterfaces } from 'node:os';

/** The first IPv4 address that is not loopback: a container's address on its network. */
export function firstExternalIpv4(interfaces = networkInterfaces()): string | undefined {
  for (const entries of Object.values(interfaces)) {
    const external = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (external) return external.address;
  }
  return undefined;
}
