import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfig } from '../config/service-config';
import type { PlatformDatabaseOptions } from '../platform-options';
import { createDataSourceOptions } from './data-source-options';
import { DatabaseLifecycle } from './database-lifecycle';
import { PoolMetrics } from './pool-metrics';
import { RevertMigrationCommand } from './revert-migration.command';
import { DATABASE_STARTUP_WAIT_MS, connectAgainUntil } from './startup-wait';

@Module({})
export class PlatformDatabaseModule {
  static forRoot(database: PlatformDatabaseOptions): DynamicModule {
    return {
      module: PlatformDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: ({ database: config, serviceName }: ServiceConfig) => ({
            ...createDataSourceOptions({
              url: config?.url ?? '',
              poolMax: config?.poolMax,
              applicationName: serviceName,
              entities: database.entities,
              migrations: database.migrations,
            }),
            retryAttempts: Number.POSITIVE_INFINITY,
            retryDelay: 2_000,
            toRetry: connectAgainUntil(Date.now() + DATABASE_STARTUP_WAIT_MS),
          }),
        }),
      ],
      providers: [DatabaseLifecycle, PoolMetrics, RevertMigrationCommand],
      exports: [DatabaseLifecycle],
    };
  }
}
