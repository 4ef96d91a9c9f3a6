import { hostname, networkInterfaces } from 'node:os';
import { isIPv4 } from 'node:net';

export interface InstanceIdentity {
  hostName: string;
  ipAddr: string;
  instanceId: string;
}

/** The first IPv4 address that is not loopback: the container's address on its network. */
export function firstExternalIpv4(interfaces = networkInterfaces()): string | undefined {
  for (const entries of Object.values(interfaces)) {
    const external = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (external) return external.address;
  }
  return undefined;
}

/**
 * How other containers reach this one. INSTANCE_HOST wins (a compose service name, or an IP);
 * else the container's IPv4 address, which every container on the network can route to
 * (a container's hostname is its id, which the others cannot resolve).
 */
export function instanceIdentity(
  app: string,
  port: number,
  instanceHost: string | undefined,
  detectedIp = firstExternalIpv4(),
): InstanceIdentity {
  const ipAddr = instanceHost && isIPv4(instanceHost) ? instanceHost : (detectedIp ?? '127.0.0.1');
  const hostName = instanceHost ?? detectedIp ?? hostname();
  // Distinct per replica even when replicas share INSTANCE_HOST (Swarm service name).
  return { hostName, ipAddr, instanceId: `${ipAddr}:${app.toLowerCase()}:${port}` };
}
