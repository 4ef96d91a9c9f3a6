import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfig } from '../config/service-config';
import { NestLogger } from '../logging/nest-logger';
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
          // NestLogger before the first attempt: TypeORM logs each one through Nest's Logger, which
          // NestLogger has then taken over (an operator sees the wait as it happens).
          inject: [ServiceConfig, NestLogger],
          useFactory: ({ database: config, serviceName }: ServiceConfig, _nestLogging: NestLogger) => ({
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
