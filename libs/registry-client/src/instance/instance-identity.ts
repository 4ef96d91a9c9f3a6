import { firstExternalIpv4 } from '@pss/platform';
import { isIPv4 } from 'node:net';

export interface InstanceIdentity {
  hostName: string;
  ipAddr: string;
  port: number;
  instanceId: string;
}

/**
 * The instance as the registry lists it. Callers connect to `ipAddr`: INSTANCE_HOST when that is an
 * IPv4 address, else `routedIp` (the address this host reaches the registry from), else the first
 * external one. The host name is INSTANCE_HOST, else that address: replicas must not share one,
 * since eureka-js-client keeps one instance per host name and port.
 */
export function instanceIdentity(
  app: string,
  port: number,
  instanceHost: string | undefined,
  routedIp: string | undefined,
): InstanceIdentity {
  const ipAddr =
    instanceHost && isIPv4(instanceHost) ? instanceHost : (routedIp ?? firstExternalIpv4() ?? '127.0.0.1');
  return {
    hostName: instanceHost ?? ipAddr,
    ipAddr,
    port,
    instanceId: `${ipAddr}:${app.toLowerCase()}:${port}`,
  };
}
