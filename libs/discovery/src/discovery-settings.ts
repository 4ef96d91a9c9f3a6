import { validateEnvironment } from '@pss/platform';
import { DiscoveryEnvironment } from './discovery-environment';

export interface DiscoveryModuleOptions {
  /** The registry name, e.g. FARES (upper-cased like Eureka does). */
  appName: string;
  /** The HTTP port this service listens on; defaults to PORT. */
  port?: number;
  /** Fetch instances only (a client that is not itself a service). */
  registerWithEureka?: boolean;
}

export interface DiscoverySettings {
  appName: string;
  port: number;
  registerWithEureka: boolean;
  /** Empty: discovery is off (no registration, every lookup finds nobody). */
  registryUrls: string[];
  instanceHost?: string;
  heartbeatIntervalMs: number;
  leaseDurationSeconds: number;
  fetchIntervalMs: number;
  requestTimeoutMs: number;
}

/** eureka-js-client wants the apps collection URL with its trailing slash. */
export function appsUrl(base: string): string {
  const url = base.endsWith('/') ? base : `${base}/`;
  return url.endsWith('/apps/') ? url : `${url}apps/`;
}

export function discoverySettings(
  options: DiscoveryModuleOptions,
  env: Record<string, string | undefined> = process.env,
): DiscoverySettings {
  const vars = validateEnvironment(DiscoveryEnvironment, env);
  return {
    appName: options.appName.toUpperCase(),
    port: options.port ?? Number(env['PORT'] ?? 8080),
    registerWithEureka: options.registerWithEureka ?? true,
    registryUrls: (vars.DISCOVERY_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean)
      .map(appsUrl),
    instanceHost: vars.INSTANCE_HOST,
    heartbeatIntervalMs: vars.DISCOVERY_HEARTBEAT_INTERVAL_MS,
    leaseDurationSeconds: vars.DISCOVERY_LEASE_DURATION_SECONDS,
    fetchIntervalMs: vars.DISCOVERY_FETCH_INTERVAL_MS,
    requestTimeoutMs: vars.DISCOVERY_REQUEST_TIMEOUT_MS,
  };
}
