import { hostname } from 'node:os';
import type { RegistrySettings } from '../registry/instance-registry';
import { validateEnvironment } from '@pss/platform';
import { RegistryEnvironment, type RegistryMode } from './registry-environment';

type Env = Record<string, string | undefined>;

export interface RegistryConfig {
  mode: RegistryMode;
  port: number;
  registry: RegistrySettings;
  evictionIntervalMs: number;
  deltaRetentionMs: number;
  deltaRetentionCleanupMs: number;
  renewalThresholdUpdateIntervalMs: number;
  /** 0: every fetch sees the latest state; else Eureka's read-only cache refresh period. */
  responseCacheRefreshMs: number;
  /** Other registry nodes (this node's own URL filtered out). */
  peers: URL[];
  peerBatchDelayMs: number;
}

/** `fast`: a single host, changes visible at once. `eureka`: the Netflix server defaults. */
const DEFAULTS: Record<RegistryMode, Omit<RegistryConfig, 'mode' | 'port' | 'peers' | 'registry'>> = {
  fast: {
    evictionIntervalMs: 1_000,
    deltaRetentionMs: 180_000,
    deltaRetentionCleanupMs: 5_000,
    renewalThresholdUpdateIntervalMs: 60_000,
    responseCacheRefreshMs: 0,
    peerBatchDelayMs: 50,
  },
  eureka: {
    evictionIntervalMs: 60_000,
    deltaRetentionMs: 180_000,
    deltaRetentionCleanupMs: 30_000,
    renewalThresholdUpdateIntervalMs: 900_000,
    responseCacheRefreshMs: 30_000,
    peerBatchDelayMs: 500,
  },
};

export function registryConfig(env: Env = process.env): RegistryConfig {
  const vars = validateEnvironment(RegistryEnvironment, env);
  const eureka = vars.REGISTRY_MODE === 'eureka';
  const defaults = DEFAULTS[vars.REGISTRY_MODE];
  const port = vars.PORT ?? 8761;
  return {
    ...defaults,
    mode: vars.REGISTRY_MODE,
    port,
    evictionIntervalMs: vars.REGISTRY_EVICTION_INTERVAL_MS ?? defaults.evictionIntervalMs,
    deltaRetentionMs: vars.REGISTRY_DELTA_RETENTION_MS ?? defaults.deltaRetentionMs,
    responseCacheRefreshMs: vars.REGISTRY_RESPONSE_CACHE_MS ?? defaults.responseCacheRefreshMs,
    peers: peerUrls(vars.DISCOVERY_URLS).filter((url) => !isSelf(url, port, vars.INSTANCE_HOST)),
    registry: {
      doubleLeaseDuration: vars.REGISTRY_DOUBLE_LEASE_DURATION ?? eureka,
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

function peerUrls(list: string | undefined): URL[] {
  const entries = (list ?? '').split(',').map((entry) => entry.trim());
  return entries.filter(Boolean).map((entry) => new URL(entry.endsWith('/') ? entry : `${entry}/`));
}

/** Every node can get the same DISCOVERY_URLS list; a node skips the entry that names itself. */
function isSelf(url: URL, port: number, instanceHost: string | undefined): boolean {
  const names = new Set([instanceHost, hostname()].filter(Boolean));
  return names.has(url.hostname) && Number(url.port || 80) === port;
}
