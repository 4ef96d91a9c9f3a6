import type { InstanceStatus } from './instance-info';

/**
 * Eureka's override rule chain (DownOrStartingRule, OverrideExistsRule, LeaseExistsRule, default):
 * a client that reports anything but UP or OUT_OF_SERVICE is trusted; else an operator override
 * wins; else (for a client's own write) an existing UP/OUT_OF_SERVICE lease keeps its status.
 */
export function resolveStatus(
  reported: InstanceStatus,
  override: InstanceStatus | undefined,
  existing: InstanceStatus | undefined,
  isReplication: boolean,
): InstanceStatus {
  if (reported !== 'UP' && reported !== 'OUT_OF_SERVICE') return reported;
  if (override) return override;
  if (!isReplication && (existing === 'UP' || existing === 'OUT_OF_SERVICE')) return existing;
  return reported;
}
