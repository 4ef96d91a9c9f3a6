import type { ListedInstance, NodeListing } from '@pss/registry-client';
import type { Replica } from '../backend/backend';

export interface ContainerView extends Omit<Replica, 'startedAt'> {
  /** Seconds since it started, while it runs. */
  uptimeSeconds?: number;
  /** The registry's ids of the instances at its addresses. */
  instanceIds: string[];
}

export interface InstanceView {
  instanceId: string;
  ipAddr: string;
  /** Its status on each registry node that lists it. */
  status: Record<string, string>;
  /** Its latest heartbeat any node saw (ISO 8601). */
  lastRenewal: string;
}

export type Drift =
  | { kind: 'unregistered'; container: string; detail: string }
  | { kind: 'no-container'; instanceId: string; detail: string };

export interface ServiceView {
  name: string;
  containers: ContainerView[];
  instances: InstanceView[];
  drift: Drift[];
}

/** A service's replicas beside its registrations, and where the two disagree. */
export function serviceView(
  name: string,
  replicas: Replica[],
  listings: NodeListing[],
  now: number,
): ServiceView {
  const instances = instancesOf(name.toUpperCase(), listings);
  const at = (replica: Replica) =>
    instances.filter((instance) => replica.addresses.includes(instance.ipAddr));
  const containers = replicas.map(({ startedAt, ...replica }) => ({
    ...replica,
    uptimeSeconds:
      replica.state === 'running' && startedAt ? Math.round((now - Date.parse(startedAt)) / 1000) : undefined,
    instanceIds: at({ startedAt, ...replica }).map((instance) => instance.instanceId),
  }));
  const addresses = new Set(replicas.flatMap((replica) => replica.addresses));
  const drift: Drift[] = [
    ...containers
      .filter((container) => container.state === 'running' && container.instanceIds.length === 0)
      .map((container) => ({
        kind: 'unregistered' as const,
        container: container.name,
        detail: `${container.name} runs but no registry node lists it`,
      })),
    ...instances
      .filter((instance) => !addresses.has(instance.ipAddr))
      .map((instance) => ({
        kind: 'no-container' as const,
        instanceId: instance.instanceId,
        detail: `${instance.instanceId} is registered but no container of ${name} has ${instance.ipAddr}`,
      })),
  ];
  return { name, containers, instances, drift };
}

/** `app`'s instances across the nodes that answered, one entry per instance id. */
function instancesOf(app: string, listings: NodeListing[]): InstanceView[] {
  const byId = new Map<string, InstanceView>();
  for (const listing of listings) {
    if (!('instances' in listing)) continue;
    for (const instance of listing.instances.filter((listed: ListedInstance) => listed.app === app)) {
      const seen = byId.get(instance.instanceId);
      const lastRenewal = new Date(Math.max(instance.lastRenewal, Date.parse(seen?.lastRenewal ?? '0') || 0));
      byId.set(instance.instanceId, {
        instanceId: instance.instanceId,
        ipAddr: instance.ipAddr,
        status: { ...seen?.status, [listing.node]: instance.status },
        lastRenewal: lastRenewal.toISOString(),
      });
    }
  }
  return [...byId.values()];
}
