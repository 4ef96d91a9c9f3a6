import { validateEnvironment } from '@pss/platform';
import { RegistryClientEnvironment } from './registry-client-environment';

export interface RegistryClientOptions {
  /** The registry name, e.g. FARES (upper-cased like Eureka does). */
  appName: string;
  /** Fetch instances only (a client that is not itself a service). */
  registerWithEureka?: boolean;
  /**
   * The apps whose registered instances forward clients' requests (a front door): their
   * X-Forwarded-For names whom a look-up counts against (platform's ForwardingProxies).
   */
  forwardingProxies?: string[];
}

export interface RegistryClientSettings {
  appName: string;
  registerWithEureka: boolean;
  /** Empty: discovery is off (no registration, every lookup finds nobody). */
  registryUrls: string[];
  heartbeatIntervalMs: number;
  leaseDurationSeconds: number;
  fetchIntervalMs: number;
  requestTimeoutMs: number;
  /** The largest registry answer read, as received and after inflating. */
  maxResponseBytes: number;
  /** Take the owners' snapshots at start (see CatchUp). */
  catchUp: boolean;
  /** Upper-cased, as the registry names apps. */
  forwardingProxies: string[];
}

/** eureka-js-client wants the apps collection URL with its trailing slash. */
export function appsUrl(base: string): string {
  const url = base.endsWith('/') ? base : `${base}/`;
  return url.endsWith('/apps/') ? url : `${url}apps/`;
}

export function registryClientSettings(
  options: RegistryClientOptions,
  env: Record<string, string | undefined> = process.env,
): RegistryClientSettings {
  const vars = validateEnvironment(RegistryClientEnvironment, env);
  return {
    appName: options.appName.toUpperCase(),
    registerWithEureka: options.registerWithEureka ?? true,
    registryUrls: (vars.DISCOVERY_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean)
      .map(appsUrl),
    heartbeatIntervalMs: vars.DISCOVERY_HEARTBEAT_INTERVAL_MS,
    leaseDurationSeconds: vars.DISCOVERY_LEASE_DURATION_SECONDS,
    fetchIntervalMs: vars.DISCOVERY_FETCH_INTERVAL_MS,
    requestTimeoutMs: vars.DISCOVERY_REQUEST_TIMEOUT_MS,
    maxResponseBytes: vars.DISCOVERY_MAX_RESPONSE_BYTES,
    catchUp: vars.CATCH_UP,
    forwardingProxies: (options.forwardingProxies ?? []).map((app) => app.toUpperCase()),
  };
}
