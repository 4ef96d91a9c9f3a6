import { hostname, networkInterfaces } from 'node:os';

/** The first IPv4 address that is not loopback: a container's address on its network. */
export function firstExternalIpv4(interfaces = networkInterfaces()): string | undefined {
  for (const entries of Object.values(interfaces)) {
    const external = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (external) return external.address;
  }
  return undefined;
}

/**
 * How other containers reach this one, when INSTANCE_HOST does not say: its IPv4 address, which
 * every container on the network can route to (a container's hostname is its id, which the
 * others cannot resolve), else the host name.
 */
export const defaultInstanceHost = (): string => firstExternalIpv4() ?? hostname();
