export const INSTANCE_STATUSES = ['UP', 'DOWN', 'STARTING', 'OUT_OF_SERVICE', 'UNKNOWN'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export type ActionType = 'ADDED' | 'MODIFIED' | 'DELETED';

export function isInstanceStatus(value: unknown): value is InstanceStatus {
  return typeof value === 'string' && (INSTANCE_STATUSES as readonly string[]).includes(value);
}

export interface PortInfo {
  port: number;
  enabled: boolean;
}

export interface DataCenterInfo {
  className: string;
  name: string;
  metadata?: Record<string, string>;
}

/** The optional string fields Eureka writes after `metadata`, in the order the Java codec writes them. */
export const URL_AND_VIP_FIELDS = [
  'appGroupName',
  'homePageUrl',
  'statusPageUrl',
  'healthCheckUrl',
  'secureHealthCheckUrl',
  'vipAddress',
  'secureVipAddress',
] as const;
export type UrlAndVipField = (typeof URL_AND_VIP_FIELDS)[number];

/** One registered instance, as the registry keeps it (mutable: the lease holder's current state). */
export interface InstanceInfo extends Partial<Record<UrlAndVipField, string>> {
  /** The key inside its application: instanceId, else Amazon instance-id, else hostName. */
  id: string;
  instanceId?: string;
  app: string;
  hostName: string;
  ipAddr: string;
  sid?: string;
  status: InstanceStatus;
  overriddenStatus: InstanceStatus;
  port: PortInfo;
  securePort: PortInfo;
  countryId: number;
  dataCenterInfo: DataCenterInfo;
  renewalIntervalInSecs: number;
  durationInSecs: number;
  metadata: Record<string, string>;
  isCoordinatingDiscoveryServer: boolean;
  lastUpdatedTimestamp: number;
  lastDirtyTimestamp: number;
  actionType?: ActionType;
  asgName?: string;
}

export function vipsOf(address: string | undefined): string[] {
  return (address ?? '')
    .split(',')
    .map((vip) => vip.trim())
    .filter((vip) => vip.length > 0);
}
