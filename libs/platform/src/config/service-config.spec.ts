import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuthorization } from '../support/basic-credentials';
import { loadServiceConfig } from './service-config';
import { ConfigurationError } from './configuration-error';

const withDatabase = {
  serviceName: 'fares',
  defaultPort: 8080,
  database: { entities: [], migrations: [] },
};

describe('loadServiceConfig', () => {
  it('applies defaults and ignores unknown variables', () => {
    const config = loadServiceConfig(withDatabase, {
      DATABASE_URL: 'postgres://u:p@db:5432/fares',
      SOMETHING_ELSE: 'x',
    });
    expect(config).toMatchObject({
      serviceName: 'fares',
      port: 8080,
      logLevel: 'info',
      shutdownTimeoutMs: 8_000,
      lookupsPerMinute: 60,
      database: { url: 'postgres://u:p@db:5432/fares', poolMax: 20, migrateOnStart: true },
    });
    expect(config.instanceHost).toBeUndefined();
  });

  it('reads secrets from the files their _FILE variables name: the database URL, the operator password', () => {
    const directory = mkdtempSync(join(tmpdir(), 'pss-config-'));
    writeFileSync(join(directory, 'database-url'), 'postgres://fares:s3cret@db:5432/fares\n');
    writeFileSync(join(directory, 'operator-password'), 'a-long-operator-password\n');
    const config = loadServiceConfig(withDatabase, {
      DATABASE_URL_FILE: join(directory, 'database-url'),
      OPERATOR_PASSWORD_FILE: join(directory, 'operator-password'),
    });
    expect(config.database?.url).toBe('postgres://fares:s3cret@db:5432/fares');
    expect(config.operator?.matches(basicAuthorization('operator', 'a-long-operator-password'))).toBe(true);
  });

  it('converts numbers and booleans', () => {
    const config = loadServiceConfig(withDatabase, {
      PORT: '9000',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://db/fares',
      MIGRATE_ON_START: 'false',
      INSTANCE_HOST: 'fares-1',
      SHUTDOWN_TIMEOUT_MS: '2500',
      DATABASE_POOL_MAX: '4',
      LOOKUP_RATE_LIMIT_PER_MINUTE: '5',
    });
    expect(config).toMatchObject({
      lookupsPerMinute: 5,
      port: 9000,
      logLevel: 'debug',
      instanceHost: 'fares-1',
      shutdownTimeoutMs: 2500,
    });
    expect(config.database?.poolMax).toBe(4);
    expect(config.database?.migrateOnStart).toBe(false);
  });

  it('names every bad variable without echoing values', () => {
    const load = () =>
      loadServiceConfig(withDatabase, { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://secret' });
    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(/PORT must be an integer/);
    expect(load).toThrow(/LOG_LEVEL must be one of/);
    expect(load).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(load).not.toThrow(/secret/);
  });

  it('requires DATABASE_URL only for services with a database', () => {
    expect(() => loadServiceConfig(withDatabase, {})).toThrow(/DATABASE_URL is required/);
    expect(loadServiceConfig({ serviceName: 'discovery', defaultPort: 8761 }, {})).toMatchObject({
      port: 8761,
      database: undefined,
    });
  });

  it('rejects a port out of range and a non-boolean flag', () => {
    expect(() =>
      loadServiceConfig(withDatabase, {
        PORT: '70000',
        DATABASE_URL: 'postgres://db/x',
        MIGRATE_ON_START: 'yes',
      }),
    ).toThrow(/PORT must not be greater than 65535.*MIGRATE_ON_START must be a boolean/);
  });

  it('names a look-up rate limit that is not a positive whole number', () => {
    for (const limit of ['0', 'many', '2.5'])
      expect(() =>
        loadServiceConfig(withDatabase, {
          DATABASE_URL: 'postgres://db/x',
          LOOKUP_RATE_LIMIT_PER_MINUTE: limit,
        }),
      ).toThrow(/LOOKUP_RATE_LIMIT_PER_MINUTE must be/);
  });
});
