import { hostname } from 'node:os';
import { ConfigurationError } from '@pss/platform';
import { registryConfig } from './registry-config';

describe('registryConfig', () => {
  it('defaults to fast single-host timings with self-preservation off', () => {
    const config = registryConfig({});
    expect(config).toMatchObject({
      mode: 'fast',
      port: 8761,
      evictionIntervalMs: 1_000,
      responseCacheRefreshMs: 0,
    });
    expect(config.registry.selfPreservation.enabled).toBe(false);
    expect(config.registry.doubleLeaseDuration).toBe(false);
  });

  it('keeps the Netflix defaults in eureka mode', () => {
    const config = registryConfig({ REGISTRY_MODE: 'eureka' });
    expect(config).toMatchObject({ evictionIntervalMs: 60_000, responseCacheRefreshMs: 30_000 });
    expect(config.registry.selfPreservation.enabled).toBe(true);
    expect(config.registry.doubleLeaseDuration).toBe(true);
  });

  it('lets single settings override the mode', () => {
    const config = registryConfig({ REGISTRY_MODE: 'eureka', REGISTRY_SELF_PRESERVATION: 'false' });
    expect(config.registry.selfPreservation.enabled).toBe(false);
  });

  it('reads numbers from their text', () => {
    const config = registryConfig({
      REGISTRY_RENEWAL_PERCENT_THRESHOLD: '0.5',
      REGISTRY_EVICTION_INTERVAL_MS: '250',
    });
    expect(config.registry.selfPreservation.renewalPercentThreshold).toBe(0.5);
    expect(config.evictionIntervalMs).toBe(250);
  });

  it('drops its own URL from DISCOVERY_URLS', () => {
    const env = {
      INSTANCE_HOST: 'discovery-1',
      DISCOVERY_URLS: 'http://discovery-1:8761/eureka/,http://discovery-2:8761/eureka',
    };
    expect(registryConfig(env).peers.map(String)).toEqual(['http://discovery-2:8761/eureka/']);
    expect(registryConfig({ DISCOVERY_URLS: `http://${hostname()}:8761/eureka/` }).peers).toEqual([]);
  });

  it.each([
    [{ REGISTRY_MODE: 'slow' }, 'REGISTRY_MODE'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ REGISTRY_SELF_PRESERVATION: 'yes' }, 'REGISTRY_SELF_PRESERVATION'],
    [{ DISCOVERY_URLS: 'not a url' }, 'DISCOVERY_URLS'],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => registryConfig(env)).toThrow(ConfigurationError);
    expect(() => registryConfig(env)).toThrow(name);
  });
});
