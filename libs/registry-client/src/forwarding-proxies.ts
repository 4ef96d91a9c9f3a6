import type { ForwardingProxies } from '@pss/platform';
import type { EurekaStatus } from './eureka/eureka-js-client.types';
import type { RegistryClient } from './registry-client.service';

// A front door being drained (OUT_OF_SERVICE) still forwards the requests it holds.
const ANY_STATUS: EurekaStatus[] = ['UP', 'DOWN', 'STARTING', 'OUT_OF_SERVICE', 'UNKNOWN'];

/**
 * Believes the addresses of the named apps' instances, as the registry lists them: only an app's
 * own account can register it there, so an address listed under the front door is the front door.
 * A new instance is believed from the next registry fetch on.
 */
export function registeredForwardingProxies(registry: RegistryClient, apps: string[]): ForwardingProxies {
  return {
    trusts: (address) =>
      apps.some((app) => registry.instances(app, ANY_STATUS).some((instance) => instance.ipAddr === address)),
  };
}
