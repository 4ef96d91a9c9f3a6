import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@pss/platform';
import { basicAuthorization } from '@pss/platform';
import { registryConfig as configOf } from './registry-config';

const ACCOUNTS = {
  REGISTRY_ACCOUNTS: 'fares fares-password FARES',
  REGISTRY_PEER_USERNAME: 'peer',
  REGISTRY_PEER_PASSWORD: 'peer-password',
};
const registryConfig = (env: Record<string, string>) => configOf({ ...ACCOUNTS, ...env });

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
    expect(registryConfig(env).peers.map((peer) => peer.name)).toEqual(['http://discovery-2:8761/eureka/']);
    expect(registryConfig({ DISCOVERY_URLS: `http://${hostname()}:8761/eureka/` }).peers).toEqual([]);
  });

  it('calls a peer with the userinfo of its URL, else with the peer account, and names it without', () => {
    const { peers } = registryConfig({
      DISCOVERY_URLS: 'http://other:s%40cret@discovery-2:8761/eureka/,http://discovery-3:8761/eureka/',
    });
    expect(peers.map((peer) => [peer.name, peer.url.href, peer.authorization])).toEqual([
      [
        'http://discovery-2:8761/eureka/',
        'http://discovery-2:8761/eureka/',
        basicAuthorization('other', 's@cret'),
      ],
      [
        'http://discovery-3:8761/eureka/',
        'http://discovery-3:8761/eureka/',
        basicAuthorization('peer', 'peer-password'),
      ],
    ]);
  });

  it('needs the service accounts always, and the peer account when there are peers', () => {
    expect(() => configOf({})).toThrow('REGISTRY_ACCOUNTS is required (usually as REGISTRY_ACCOUNTS_FILE)');
    const clientOnly = { REGISTRY_ACCOUNTS: ACCOUNTS.REGISTRY_ACCOUNTS };
    expect(configOf(clientOnly).access.peer).toBeUndefined();
    expect(() => configOf({ ...clientOnly, DISCOVERY_URLS: 'http://discovery-2:8761/eureka/' })).toThrow(
      'REGISTRY_PEER_USERNAME and REGISTRY_PEER_PASSWORD are required when DISCOVERY_URLS names peers',
    );
  });

  it('reads the service accounts from REGISTRY_ACCOUNTS_FILE and the operator password from its file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'registry-accounts-'));
    writeFileSync(join(directory, 'accounts'), '# the services\nfares fares-password fares,Fares-Admin\n');
    writeFileSync(join(directory, 'operator'), 'operator-password\n');
    const { REGISTRY_ACCOUNTS: _inline, ...peer } = ACCOUNTS;
    const { access } = configOf({
      ...peer,
      REGISTRY_ACCOUNTS_FILE: join(directory, 'accounts'),
      REGISTRY_OPERATOR_PASSWORD_FILE: join(directory, 'operator'),
    });
    expect(access.clients.map(({ credentials, apps }) => [credentials.username, [...apps]])).toEqual([
      ['fares', ['FARES', 'FARES-ADMIN']],
    ]);
    expect(access.operator?.matches(basicAuthorization('operator', 'operator-password'))).toBe(true);
    expect(registryConfig({}).access.operator).toBeUndefined();
  });

  it.each([
    [{ REGISTRY_OPERATOR_PASSWORD: 'short' }, 'REGISTRY_OPERATOR_PASSWORD must be at least 12 characters'],
    [{ REGISTRY_OPERATOR_USERNAME: 'a:b' }, 'REGISTRY_OPERATOR_USERNAME must be a user name without colons'],
    [{ REGISTRY_PEER_USERNAME: 'fares' }, 'REGISTRY_PEER_USERNAME is also a REGISTRY_ACCOUNTS user name'],
    [
      { REGISTRY_OPERATOR_USERNAME: 'fares', REGISTRY_OPERATOR_PASSWORD: 'operator-password' },
      'REGISTRY_OPERATOR_USERNAME is also a REGISTRY_ACCOUNTS user name',
    ],
    [
      { REGISTRY_OPERATOR_USERNAME: 'peer', REGISTRY_OPERATOR_PASSWORD: 'operator-password' },
      'REGISTRY_PEER_USERNAME must differ from REGISTRY_OPERATOR_USERNAME',
    ],
  ])('refuses weak or ambiguous accounts: %j', (env, message) => {
    expect(() => registryConfig(env)).toThrow(message);
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
