import { appsHashCode } from './apps-hash-code';
import { vipsOf } from './instance-info';
import type { InstanceRegistry } from './instance-registry';
import type { Lease } from './lease';

export interface ApplicationView {
  name: string;
  leases: Lease[];
}

/** What a fetch returns: `versions__delta`, `apps__hashcode` and the applications. */
export interface ApplicationsView {
  versionDelta: number;
  hashCode: string;
  applications: ApplicationView[];
}

function groupByApp(leases: Iterable<Lease>): ApplicationView[] {
  return Array.from(
    Map.groupBy(leases, (lease) => lease.holder.app),
    ([name, leases]) => ({ name, leases }),
  );
}

export function fullView(registry: InstanceRegistry): ApplicationsView {
  const leases = [...registry.leases()];
  return { versionDelta: 1, hashCode: hashOf(leases), applications: groupByApp(leases) };
}

/** The recent changes, with the hash of the FULL registry so a client can check what it applied. */
export function deltaView(registry: InstanceRegistry): ApplicationsView {
  return {
    versionDelta: registry.changes.deltaVersion,
    hashCode: hashOf(registry.leases()),
    applications: groupByApp(registry.changes.leases()),
  };
}

export function vipView(registry: InstanceRegistry, vip: string, secure: boolean): ApplicationsView {
  const matching = [...registry.leases()].filter((lease) =>
    vipsOf(secure ? lease.holder.secureVipAddress : lease.holder.vipAddress).includes(vip),
  );
  return { versionDelta: -1, hashCode: hashOf(matching), applications: groupByApp(matching) };
}

export function findById(registry: InstanceRegistry, id: string): Lease | undefined {
  return [...registry.leases()].find((lease) => lease.holder.id === id);
}

function hashOf(leases: Iterable<Lease>): string {
  return appsHashCode([...leases].map((lease) => lease.holder.status));
}
