import type { InstanceStatus } from './instance-info';

/**
 * Eureka's reconcile hash: per status with a count, sorted by status name, `STATUS_count_`
 * concatenated ("DOWN_1_UP_2_"); "" for an empty registry. Clients compare it after a delta.
 */
export function appsHashCode(statuses: Iterable<InstanceStatus>): string {
  const counts = new Map<string, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts.keys()]
    .sort()
    .map((status) => `${status}_${counts.get(status)}_`)
    .join('');
}
