import { hostname } from 'node:os';
import type { RegistrySettings } from '../registry/instance-registry';
import { readBoolean, readChoice, readNumber, readUrls } from './env-readers';

type Env = Record<string, string | undefined>;

export const REGISTRY_MODES = ['fast', 'eureka'] as const;
export type RegistryMode = (typeof REGISTRY_MODES)[number];

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
  const mode = readChoice(env, 'REGISTRY_MODE', REGISTRY_MODES, 'fast');
  const eureka = mode === 'eureka';
  const defaults = DEFAULTS[mode];
  const port = readNumber(env, 'PORT', 8761);
  return {
    mode,
    port,
    evictionIntervalMs: readNumber(env, 'REGISTRY_EVICTION_INTERVAL_MS', defaults.evictionIntervalMs, 10),
    deltaRetentionMs: readNumber(env, 'REGISTRY_DELTA_RETENTION_MS', defaults.deltaRetentionMs, 1),
    deltaRetentionCleanupMs: defaults.deltaRetentionCleanupMs,
    renewalThresholdUpdateIntervalMs: defaults.renewalThresholdUpdateIntervalMs,
    responseCacheRefreshMs: readNumber(env, 'REGISTRY_RESPONSE_CACHE_MS', defaults.responseCacheRefreshMs),
    peers: readUrls(env, 'DISCOVERY_URLS').filter((url) => !isSelf(url, port, env)),
    peerBatchDelayMs: defaults.peerBatchDelayMs,
    registry: {
      doubleLeaseDuration: readBoolean(env, 'REGISTRY_DOUBLE_LEASE_DURATION', eureka),
      selfPreservation: {
        enabled: readBoolean(env, 'REGISTRY_SELF_PRESERVATION', eureka),
        renewalPercentThreshold: readNumber(env, 'REGISTRY_RENEWAL_PERCENT_THRESHOLD', 0.85),
        expectedClientRenewalIntervalSeconds: readNumber(
          env,
          'REGISTRY_EXPECTED_RENEWAL_INTERVAL_SECONDS',
          30,
          1,
        ),
        initialExpectedClients: 1,
        renewalRateBucketMs: 60_000,
      },
    },
  };
}

/** Every node can get the same DISCOVERY_URLS list; a node skips the entry that names itself. */
function isSelf(url: URL, port: number, env: Env): boolean {
  const names = new Set([env['INSTANCE_HOST'], hostname()].filter(Boolean));
  return names.has(url.hostname) && Number(url.port || 80) === port;
}
