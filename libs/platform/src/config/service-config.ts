import { BasicCredentials } from '../support/basic-credentials';
import type { PlatformOptions } from '../platform-options';
import type { LogLevel } from './service-environment';
import { DatabaseEnvironment, ServiceEnvironment } from './service-environment';
import { validateEnvironment, validateEnvironments } from './validate-environment';

/** What the running code is: a release and the commit it was built from (`dev` out of an image). */
export interface BuildInfo {
  version: string;
  revision: string;
}

export interface DatabaseConfig {
  url: string;
  poolMax: number;
  migrateOnStart: boolean;
}

/** The validated configuration of a service; inject it by this class. */
export class ServiceConfig {
  serviceName!: string;
  build!: BuildInfo;
  port!: number;
  logLevel!: LogLevel;
  /**
   * INSTANCE_HOST: the name (or address) of this one instance, when the deployment gives it one.
   * Unset, the registry client lists the instance under its own address (replicas must differ).
   */
  instanceHost?: string;
  shutdownTimeoutMs!: number;
  readinessIntervalMs!: number;
  /** Rate-limited look-ups (`@LookupRateLimited`) per client address and minute. */
  lookupsPerMinute!: number;
  database?: DatabaseConfig;
  /** Absent (no OPERATOR_PASSWORD): every operator route refuses every caller. */
  operator?: BasicCredentials;
}

export function loadServiceConfig(
  options: PlatformOptions,
  env: Record<string, string | undefined> = process.env,
): ServiceConfig {
  const [service, database] = options.database
    ? validateEnvironments(env, ServiceEnvironment, DatabaseEnvironment)
    : [validateEnvironment(ServiceEnvironment, env), undefined];
  return Object.assign(new ServiceConfig(), {
    serviceName: options.serviceName,
    build: { version: service.PSS_VERSION, revision: service.PSS_REVISION },
    port: service.PORT ?? options.defaultPort ?? 8080,
    logLevel: service.LOG_LEVEL,
    instanceHost: service.INSTANCE_HOST,
    shutdownTimeoutMs: service.SHUTDOWN_TIMEOUT_MS,
    readinessIntervalMs: service.READINESS_INTERVAL_MS,
    operator: service.OPERATOR_PASSWORD
      ? new BasicCredentials(service.OPERATOR_USERNAME, service.OPERATOR_PASSWORD)
      : undefined,
    lookupsPerMinute: service.LOOKUP_RATE_LIMIT_PER_MINUTE,
    database: database && {
      url: database.DATABASE_URL,
      poolMax: database.DATABASE_POOL_MAX,
      migrateOnStart: database.MIGRATE_ON_START,
    },
  });
}
