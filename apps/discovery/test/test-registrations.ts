import { InstanceRegistry, type RegistrySettings } from '../src/registry/instance-registry';
import type { InstanceInfo } from '../src/registry/instance-info';
import type { InstanceLimits } from '../src/registry/instance-limits';
import { parseInstance } from '../src/registry/parse-instance';

/** The registry's default limits. */
export const testLimits: InstanceLimits = {
  maxFieldLength: 1_024,
  maxMetadataEntries: 100,
  maxMetadataBytes: 256 * 1024,
  maxLeaseSeconds: 300,
};

/** The register body eureka-js-client sends (README "known issues" form). */
export function jsClientBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    app: 'jqservice',
    hostName: 'localhost',
    ipAddr: '127.0.0.1',
    port: { $: 8080, '@enabled': true },
    vipAddress: 'jq.test.something.com',
    dataCenterInfo: { '@class': 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo', name: 'MyOwn' },
    status: 'UP',
    ...overrides,
  };
}

export function registration(overrides: Record<string, unknown> = {}, now = 1_000): InstanceInfo {
  const body = jsClientBody(overrides);
  return parseInstance(body, String(body['app']).toUpperCase(), now, testLimits);
}

export const testSettings = (overrides: Partial<RegistrySettings> = {}): RegistrySettings => ({
  doubleLeaseDuration: false,
  maxInstances: 20_000,
  maxInstancesPerApp: 1_000,
  maxClockSkewMs: 30_000,
  selfPreservation: {
    enabled: false,
    renewalPercentThreshold: 0.85,
    expectedClientRenewalIntervalSeconds: 30,
    initialExpectedClients: 1,
    renewalRateBucketMs: 60_000,
  },
  ...overrides,
});

/** A registry on a hand-moved clock. */
export function registryAt(start = 1_000, overrides: Partial<RegistrySettings> = {}) {
  const clock = { now: start };
  const registry = new InstanceRegistry(testSettings(overrides), () => clock.now);
  return { clock, registry };
}
