import type { RegistryClientSettings } from '../registry-client-settings';
import type {
  EurekaClientConfig,
  EurekaInstanceConfig,
  EurekaLogger,
  EurekaStatus,
} from '../eureka/eureka-js-client.types';
import type { BuildInfo } from '@pss/platform';
import type { InstanceIdentity } from './instance-identity';

const DEFAULT_DATA_CENTER = {
  '@class': 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo',
  name: 'MyOwn',
} as const;

// eureka-js-client merges eureka-client*.yml from its cwd into the config: only env vars configure us.
const FOLDER_WITHOUT_YAML = '/nonexistent/pss-eureka-client';

/**
 * The client configuration: fetching the registry, with what is known of this instance before it
 * listens. Registration is the client's own step (`registerAs`), so eureka-js-client's is off.
 */
export function eurekaConfig(settings: RegistryClientSettings, logger: EurekaLogger): EurekaClientConfig {
  return {
    instance: {
      app: settings.appName,
      vipAddress: settings.appName.toLowerCase(),
      dataCenterInfo: DEFAULT_DATA_CENTER,
    },
    eureka: {
      serviceUrls: { default: settings.registryUrls },
      heartbeatInterval: settings.heartbeatIntervalMs,
      registryFetchInterval: settings.fetchIntervalMs,
      // One retry per registry node: a retry moves to the next URL.
      maxRetries: Math.max(1, settings.registryUrls.length),
      requestRetryDelay: 200,
      registerWithEureka: false,
      fetchRegistry: true,
      // Every status is kept: RegistryClient.instances filters (UP, or also STARTING when asked).
      filterUpInstances: false,
    },
    logger,
    cwd: FOLDER_WITHOUT_YAML,
  };
}

/**
 * The instance as it registers, in the shapes every Eureka server accepts (port object, @class),
 * with the release and commit it runs in its metadata (what an operator compares after a rollout).
 */
export function instanceConfig(
  settings: RegistryClientSettings,
  identity: InstanceIdentity,
  status: EurekaStatus,
  build: BuildInfo,
): EurekaInstanceConfig {
  const base = `http://${identity.ipAddr}:${identity.port}`;
  return {
    app: settings.appName,
    instanceId: identity.instanceId,
    hostName: identity.hostName,
    ipAddr: identity.ipAddr,
    status,
    port: { $: identity.port, '@enabled': 'true' },
    vipAddress: settings.appName.toLowerCase(),
    homePageUrl: `${base}/`,
    statusPageUrl: `${base}/docs`,
    healthCheckUrl: `${base}/health/ready`,
    dataCenterInfo: DEFAULT_DATA_CENTER,
    metadata: { version: build.version, revision: build.revision },
    leaseInfo: {
      renewalIntervalInSecs: Math.max(1, Math.round(settings.heartbeatIntervalMs / 1000)),
      durationInSecs: settings.leaseDurationSeconds,
    },
  };
}
