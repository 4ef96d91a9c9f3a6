import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { loadServiceConfig, ServiceConfig } from './config/service-config';
import { PlatformDatabaseModule } from './database/database.module';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation';
import { HealthController } from './health/health.controller';
import { ForwardingProxies } from './http/lookup-rate-limit';
import { InfoController } from './health/info.controller';
import { ReadinessService } from './health/readiness.service';
import { NestLogger, takeOverNestLogging } from './logging/nest-logger';
import { ServiceLogger } from './logging/service-logger';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options';

/**
 * What every service imports once in its AppModule. Configuration is read and validated when the
 * application is created (not when this file is imported), so tests can set variables first.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        // Finds the ServiceCommands other modules provide (`node main.js <command>`).
        DiscoveryModule,
        ...(options.database ? [PlatformDatabaseModule.forRoot(options.database)] : []),
      ],
      controllers: [HealthController, InfoController, MetricsController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: ServiceConfig, useFactory: () => loadServiceConfig(options) },
        {
          provide: ServiceLogger,
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => new ServiceLogger(config),
        },
        {
          provide: NestLogger,
          inject: [ServiceLogger],
          useFactory: (logger: ServiceLogger) => takeOverNestLogging(new NestLogger(logger)),
        },
        ReadinessService,
        MetricsService,
        ForwardingProxies,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [
        PLATFORM_OPTIONS,
        ServiceConfig,
        ServiceLogger,
        NestLogger,
        ReadinessService,
        MetricsService,
        ForwardingProxies,
        TerminusModule,
      ],
    };
  }
}
