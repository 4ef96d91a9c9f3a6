/**
 * Typings for eureka-js-client 4.5 as it really behaves (the DefinitelyTyped ones declare a port
 * shape no server accepts, omit its EventEmitter side and the options we use).
 */
export type EurekaStatus = 'UP' | 'DOWN' | 'STARTING' | 'OUT_OF_SERVICE' | 'UNKNOWN';

export interface EurekaPort {
  $: number;
  '@enabled': 'true' | 'false';
}

/** An instance as the registry serves it (the shape our registry and the Java server write). */
export interface EurekaInstance {
  instanceId?: string;
  app: string;
  hostName: string;
  ipAddr: string;
  status: EurekaStatus;
  port: EurekaPort;
  vipAddress?: string;
  metadata?: Record<string, string>;
}

export interface EurekaInstanceConfig {
  app: string;
  instanceId: string;
  hostName: string;
  ipAddr: string;
  status?: EurekaStatus;
  port: EurekaPort;
  vipAddress: string;
  homePageUrl?: string;
  statusPageUrl?: string;
  healthCheckUrl?: string;
  dataCenterInfo: { '@class': string; name: 'MyOwn' };
  leaseInfo: { renewalIntervalInSecs: number; durationInSecs: number };
  metadata?: Record<string, string>;
  /** Milliseconds since the epoch, as a string (the Java codec's shape). */
  lastDirtyTimestamp?: string;
}

/** What the client knows of its own instance before the server listens (enough to fetch). */
export type PendingInstanceConfig = Pick<EurekaInstanceConfig, 'app' | 'vipAddress' | 'dataCenterInfo'>;

export interface EurekaLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface EurekaClientConfig {
  instance: EurekaInstanceConfig | PendingInstanceConfig;
  eureka: {
    serviceUrls: { default: string[] };
    heartbeatInterval: number;
    registryFetchInterval: number;
    maxRetries: number;
    requestRetryDelay: number;
    registerWithEureka: boolean;
    fetchRegistry: boolean;
    filterUpInstances: boolean;
  };
  logger: EurekaLogger;
  /** Where it looks for eureka-client.yml files; we point it at a folder without any. */
  cwd: string;
}

/** What eureka-js-client's request layer passes around (a subset of `request`'s options). */
export interface EurekaRequestOptions {
  method?: string;
  uri: string;
  json?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
}

export type EurekaRequestCallback = (
  error: Error | null,
  response?: { statusCode: number },
  body?: string,
) => void;

/** The parts of the client class we use or override. */
export interface EurekaJsClient {
  config: EurekaClientConfig;
  readonly instanceId: string;
  logger: EurekaLogger;
  clusterResolver: {
    resolveEurekaUrl(callback: (error: Error | null, url: string) => void, attempt: number): void;
  };
  heartbeat?: NodeJS.Timeout;
  registryFetch?: NodeJS.Timeout;
  emit(event: string, ...args: unknown[]): boolean;
  on(event: 'registered' | 'deregistered' | 'heartbeat' | 'registryUpdated', listener: () => void): this;
  register(callback?: (error: Error | null) => void): void;
  deregister(callback?: (error: Error | null) => void): void;
  renew(): void;
  startHeartbeats(): void;
  startRegistryFetches(): void;
  fetchRegistry(callback?: (error: Error | null) => void): void;
  getInstancesByAppId(appId: string): EurekaInstance[];
  getInstancesByVipAddress(vipAddress: string): EurekaInstance[];
  eurekaRequest(options: EurekaRequestOptions, callback: EurekaRequestCallback, attempt?: number): void;
}

export type EurekaJsClientClass = new (config: EurekaClientConfig) => EurekaJsClient;
