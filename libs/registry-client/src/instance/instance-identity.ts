import { firstExternalIpv4 } from '@pss/platform';
import { isIPv4 } from 'node:net';

export interface InstanceIdentity {
  hostName: string;
  ipAddr: string;
  port: number;
  instanceId: string;
}

/**
 * The instance as the registry lists it: `instanceHost` (the platform's, from INSTANCE_HOST or the
 * container's address) as its host name; as its address when it is an IPv4 one, else
 * `detectedIp` (the address the registry is reached from), which callers connect to; the port its
 * HTTP server listens on.
 */
export function instanceIdentity(
  app: string,
  port: number,
  instanceHost: string,
  detectedIp = firstExternalIpv4(),
): InstanceIdentity {
  const ipAddr = isIPv4(instanceHost) ? instanceHost : (detectedIp ?? '127.0.0.1');
  // Distinct per replica even when replicas share INSTANCE_HOST (Swarm service name).
  return { hostName: instanceHost, ipAddr, port, instanceId: `${ipAddr}:${app.toLowerCase()}:${port}` };
}
