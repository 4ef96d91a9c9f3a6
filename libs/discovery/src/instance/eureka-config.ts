import type { DiscoverySettings } from '../discovery-settings';
import type { EurekaClientConfig, EurekaLogger, EurekaStatus } from '../eureka/eureka-js-client.types';
import type { InstanceIdentity } from './instance-identity';

const DEFAULT_DATA_CENTER = {
  '@class': 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo',
  name: 'MyOwn',
} as const;

// eureka-js-client merges eureka-client*.yml from its cwd into the config: only env vars configure us.
const FOLDER_WITHOUT_YAML = '/nonexistent/pss-eureka-client';

/** The client configuration, in the shapes every Eureka server accepts (port object, @class). */
export function eurekaConfig(
  settings: DiscoverySettings,
  identity: InstanceIdentity,
  status: EurekaStatus,
  logger: EurekaLogger,
): EurekaClientConfig {
  const base = `http://${identity.ipAddr}:${settings.port}`;
  return {
    instance: {
      app: settings.appName,
      instanceId: identity.instanceId,
      hostName: identity.hostName,
      ipAddr: identity.ipAddr,
      status,
      port: { $: settings.port, '@enabled': 'true' },
      vipAddress: settings.appName.toLowerCase(),
      homePageUrl: `${base}/`,
      statusPageUrl: `${base}/docs`,
      healthCheckUrl: `${base}/health/ready`,
      dataCenterInfo: DEFAULT_DATA_CENTER,
      leaseInfo: {
        renewalIntervalInSecs: Math.max(1, Math.round(settings.heartbeatIntervalMs / 1000)),
        durationInSecs: settings.leaseDurationSeconds,
      },
    },
    eureka: {
      serviceUrls: { default: settings.registryUrls },
      heartbeatInterval: settings.heartbeatIntervalMs,
      registryFetchInterval: settings.fetchIntervalMs,
      // One retry per registry node: a retry moves to the next URL.
      maxRetries: Math.max(1, settings.registryUrls.length),
      requestRetryDelay: 200,
      registerWithEureka: settings.registerWithEureka,
      fetchRegistry: true,
      filterUpInstances: true,
    },
    logger,
    cwd: FOLDER_WITHOUT_YAML,
  };
}
