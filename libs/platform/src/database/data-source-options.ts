import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { PlatformDatabaseOptions } from '../platform-options';

// PSS dates are ISO strings (YYYY-MM-DD). pg would turn a DATE into a Date at local midnight,
// which shifts the day in any time zone west of UTC.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export interface DataSourceSettings extends Pick<PlatformDatabaseOptions, 'entities' | 'migrations'> {
  url: string;
  poolMax?: number;
  applicationName?: string;
}

/**
 * The one definition of a service's data source, used by the application and by the migration
 * CLI alike. The schema changes through migrations only: `synchronize` stays off.
 */
export function createDataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName,
    extra: {
      max: settings.poolMax ?? 20,
      // pg waits forever for a connection by default; fail a request (and readiness) instead.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
    },
  };
}
