import { ConfigurationError, validateEnvironment } from '@pss/platform';
import type { AccessSettings } from '../auth/caller';
import type { RegistrySettings } from '../registry/instance-registry';
import type { InstanceLimits } from '../registry/instance-limits';
import { accessSettingsOf } from './access-settings';
import { peerOf, peerUrlsOf, type Peer, type PeerAccount } from './peer-urls';
import { RegistryEnvironment, type RegistryMode } from './registry-environment';

type Env = Record<string, string | undefined>;

export interface RegistryConfig {
  mode: RegistryMode;
  port: number;
  registry: RegistrySettings;
  /** What one registration may hold. */
  instanceLimits: InstanceLimits;
  access: AccessSettings;
  evictionIntervalMs: number;
  deltaRetentionMs: number;
  deltaRetentionCleanupMs: number;
  renewalThresholdUpdateIntervalMs: number;
  /** 0: every fetch sees the latest state; else Eureka's read-only cache refresh period. */
  responseCacheRefreshMs: number;
  /** Other registry nodes (this node's own URL filtered out). */
  peers: Peer[];
  peerBatchDelayMs: number;
  /** Longest a starting node stays not ready while no peer gives it a registry. */
  peerSyncTimeoutMs: number;
}

type ModeDefaults = Pick<
  RegistryConfig,
  | 'evictionIntervalMs'
  | 'deltaRetentionMs'
  | 'deltaRetentionCleanupMs'
  | 'renewalThresholdUpdateIntervalMs'
  | 'responseCacheRefreshMs'
  | 'peerBatchDelayMs'
  | 'peerSyncTimeoutMs'
>;

/** `fast`: a single host, changes visible at once. `eureka`: the Netflix server defaults. */
const DEFAULTS: Record<RegistryMode, ModeDefaults> = {
  fast: {
    evictionIntervalMs: 1_000,
    deltaRetentionMs: 180_000,
    deltaRetentionCleanupMs: 5_000,
    renewalThresholdUpdateIntervalMs: 60_000,
    responseCacheRefreshMs: 0,
    peerBatchDelayMs: 50,
    peerSyncTimeoutMs: 10_000,
  },
  eureka: {
    evictionIntervalMs: 60_000,
    deltaRetentionMs: 180_000,
    deltaRetentionCleanupMs: 30_000,
    renewalThresholdUpdateIntervalMs: 900_000,
    responseCacheRefreshMs: 30_000,
    peerBatchDelayMs: 500,
    peerSyncTimeoutMs: 300_000,
  },
};

export function registryConfig(env: Env = process.env): RegistryConfig {
  const vars = validateEnvironment(RegistryEnvironment, env);
  const eureka = vars.REGISTRY_MODE === 'eureka';
  const defaults = DEFAULTS[vars.REGISTRY_MODE];
  const port = vars.PORT ?? 8761;
  const peerAccount = peerAccountOf(vars);
  const peerUrls = peerUrlsOf(vars.DISCOVERY_URLS, { port, instanceHost: vars.INSTANCE_HOST });
  if (peerUrls.length > 0 && !peerAccount)
    throw new ConfigurationError([
      'REGISTRY_PEER_USERNAME and REGISTRY_PEER_PASSWORD are required when DISCOVERY_URLS names peers',
    ]);
  return {
    ...defaults,
    mode: vars.REGISTRY_MODE,
    port,
    evictionIntervalMs: vars.REGISTRY_EVICTION_INTERVAL_MS ?? defaults.evictionIntervalMs,
    deltaRetentionMs: vars.REGISTRY_DELTA_RETENTION_MS ?? defaults.deltaRetentionMs,
    responseCacheRefreshMs: vars.REGISTRY_RESPONSE_CACHE_MS ?? defaults.responseCacheRefreshMs,
    peerSyncTimeoutMs: vars.REGISTRY_PEER_SYNC_TIMEOUT_MS ?? defaults.peerSyncTimeoutMs,
    peers: peerAccount ? peerUrls.map((url) => peerOf(url, peerAccount)) : [],
    access: accessSettingsOf(vars, peerAccount),
    instanceLimits: {
      maxFieldLength: vars.REGISTRY_MAX_FIELD_LENGTH,
      maxMetadataEntries: vars.REGISTRY_MAX_METADATA_ENTRIES,
      maxMetadataBytes: vars.REGISTRY_MAX_METADATA_BYTES,
      maxLeaseSeconds: vars.REGISTRY_MAX_LEASE_SECONDS,
    },
    registry: {
      doubleLeaseDuration: vars.REGISTRY_DOUBLE_LEASE_DURATION ?? eureka,
      maxInstances: vars.REGISTRY_MAX_INSTANCES,
      maxInstancesPerApp: vars.REGISTRY_MAX_INSTANCES_PER_APP,
      maxClockSkewMs: vars.REGISTRY_MAX_CLOCK_SKEW_MS,
      selfPreservation: {
        enabled: vars.REGISTRY_SELF_PRESERVATION ?? eureka,
        renewalPercentThreshold: vars.REGISTRY_RENEWAL_PERCENT_THRESHOLD,
        expectedClientRenewalIntervalSeconds: vars.REGISTRY_EXPECTED_RENEWAL_INTERVAL_SECONDS,
        initialExpectedClients: 1,
        renewalRateBucketMs: 60_000,
      },
    },
  };
}

/** The account peers replicate with. Without one no peer is trusted; a node that names peers needs it. */
function peerAccountOf(vars: RegistryEnvironment): PeerAccount | undefined {
  const { REGISTRY_PEER_USERNAME: username, REGISTRY_PEER_PASSWORD: password } = vars;
  if (!username !== !password)
    throw new ConfigurationError(['REGISTRY_PEER_USERNAME and REGISTRY_PEER_PASSWORD must be set together']);
  return username && password ? { username, password } : undefined;
}
