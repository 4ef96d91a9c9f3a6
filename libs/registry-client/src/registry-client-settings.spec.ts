import { ConfigurationError } from '@pss/platform';
import pino from 'pino';
import { Writable } from 'node:stream';
import { appsUrl, registryClientSettings } from './registry-client-settings';

describe('registryClientSettings', () => {
  it('turns registry base URLs into the apps collection URLs eureka-js-client needs', () => {
    expect(appsUrl('http://discovery:8761/eureka')).toBe('http://discovery:8761/eureka/apps/');
    expect(appsUrl('http://discovery:8761/eureka/apps/')).toBe('http://discovery:8761/eureka/apps/');
    const settings = registryClientSettings(
      { appName: 'fares' },
      { DISCOVERY_URLS: 'http://a:8761/eureka/, http://b:8761/eureka/' },
    );
    expect(settings.registryUrls).toEqual(['http://a:8761/eureka/apps/', 'http://b:8761/eureka/apps/']);
    expect(settings).toMatchObject({
      appName: 'FARES',
      heartbeatIntervalMs: 5_000,
      leaseDurationSeconds: 15,
      fetchIntervalMs: 1_000,
    });
  });

  it('reads numbers from their text', () => {
    const settings = registryClientSettings(
      { appName: 'x' },
      { DISCOVERY_HEARTBEAT_INTERVAL_MS: '700', DISCOVERY_LEASE_DURATION_SECONDS: '4' },
    );
    expect([settings.heartbeatIntervalMs, settings.leaseDurationSeconds]).toEqual([700, 4]);
  });

  it('is off without DISCOVERY_URLS', () => {
    expect(registryClientSettings({ appName: 'fares' }, {}).registryUrls).toEqual([]);
  });

  it('names a malformed variable', () => {
    expect(() => registryClientSettings({ appName: 'x' }, { DISCOVERY_URLS: 'discovery:8761' })).toThrow(
      ConfigurationError,
    );
    expect(() =>
      registryClientSettings({ appName: 'x' }, { DISCOVERY_HEARTBEAT_INTERVAL_MS: 'soon' }),
    ).toThrow('DISCOVERY_HEARTBEAT_INTERVAL_MS');
  });

  it('refuses a URL that does not parse, and its startup failure logs no password', () => {
    const lines: string[] = [];
    const log = pino(
      new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) }),
    );
    const env = { DISCOVERY_URLS: 'http://svc:s3cr3t-pw@discovery:99999/eureka/' };
    let failure: unknown;
    try {
      registryClientSettings({ appName: 'x' }, env);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigurationError);
    // As bootstrapService logs a failed start.
    log.fatal({ err: failure }, 'startup failed');
    expect(lines.join('')).toContain('DISCOVERY_URLS must be');
    expect(lines.join('')).not.toContain('s3cr3t-pw');
  });
});
