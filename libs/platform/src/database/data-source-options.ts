import type { DataSourceOptions } from 'typeorm';
import type { PlatformDatabaseOptions } from '../platform-options';

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
      max: settings.poolMax ?? 10,
      // pg waits forever for a connection by default; fail a request (and readiness) instead.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
    },
  };
}
