import type { InstanceStatus } from '../registry/instance-info';

export const REPLICATION_ACTIONS = [
  'Register',
  'Heartbeat',
  'Cancel',
  'StatusUpdate',
  'DeleteStatusOverride',
] as const;
export type ReplicationActionName = (typeof REPLICATION_ACTIONS)[number];

/** One entry of Eureka's `POST /peerreplication/batch/` `replicationList` (cluster/protocol/ReplicationInstance). */
export interface ReplicationAction {
  appName: string;
  id: string;
  action: ReplicationActionName;
  lastDirtyTimestamp?: number;
  overriddenStatus?: InstanceStatus;
  status?: InstanceStatus;
  instanceInfo?: Record<string, unknown>;
}

export interface ReplicationResult {
  statusCode: number;
  responseEntity?: Record<string, unknown>;
}
