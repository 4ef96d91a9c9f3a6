import type { RegistryConfig } from '../config/registry-config';
import type { InstanceRegistry } from '../registry/instance-registry';
import { fullView } from '../registry/registry-views';

export interface InstanceSummary {
  id: string;
  hostName: string;
  ipAddr: string;
  port: number;
  status: string;
  lastRenewal: string;
}

/** What the status endpoint and page show: mode, self-preservation, peers, the instances. */
export function registryStatus(registry: InstanceRegistry, config: RegistryConfig) {
  const selfPreservation = registry.selfPreservation;
  return {
    mode: config.mode,
    peers: config.peers.map((peer) => peer.name),
    selfPreservation: {
      enabled: config.registry.selfPreservation.enabled,
      active: selfPreservation.active,
      expectedClients: selfPreservation.expected,
      renewalThreshold: selfPreservation.threshold,
      renewsLastMinute: selfPreservation.renewals.lastBucketCount(),
    },
    instanceCount: registry.size,
    applications: fullView(registry).applications.map((app) => ({
      name: app.name,
      instances: app.leases.map((lease): InstanceSummary => ({
        id: lease.holder.id,
        hostName: lease.holder.hostName,
        ipAddr: lease.holder.ipAddr,
        port: lease.holder.port.port,
        status: lease.holder.status,
        lastRenewal: new Date(lease.lastRenewalTimestamp).toISOString(),
      })),
    })),
  };
}

export type RegistryStatus = ReturnType<typeof registryStatus>;
