import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { raw } from 'express';
import { registryConfig, type RegistryConfig } from './config/registry-config';
import { ApplicationsController } from './eureka/applications.controller';
import { InstancesController } from './eureka/instances.controller';
import { RegistrationController } from './eureka/registration.controller';
import { StatusOverrideController } from './eureka/status-override.controller';
import { REGISTRY_CONFIG } from './config/registry-config.token';
import { RegistryService } from './registry-runtime/registry.service';
import { RegistryTasks } from './registry-runtime/registry-tasks';
import { PeerReplicator } from './peers/peer-replicator';
import { PeerSync } from './replication/peer-sync';
import { ReplicationBatchHandler } from './replication/replication-batch.handler';
import { ReplicationController } from './replication/replication.controller';
import { StatusController } from './status/status.controller';
import { ResponseCache } from './wire/response-cache';

/** The Eureka REST API, the registry behind it, its timers and the peer replication. */
@Module({
  controllers: [
    ApplicationsController,
    RegistrationController,
    StatusOverrideController,
    InstancesController,
    ReplicationController,
    StatusController,
  ],
  providers: [
    { provide: REGISTRY_CONFIG, useFactory: () => registryConfig(process.env) },
    RegistryService,
    RegistryTasks,
    PeerReplicator,
    PeerSync,
    ReplicationBatchHandler,
    {
      provide: ResponseCache,
      inject: [RegistryService, REGISTRY_CONFIG],
      useFactory: (service: RegistryService, config: RegistryConfig) =>
        new ResponseCache(service.registry, config.responseCacheRefreshMs),
    },
  ],
})
export class RegistryModule implements NestModule {
  // Raw bytes for Eureka writes: JSON or XML, gzip-encoded replication bodies, and Jersey's 400 answer.
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(raw({ type: () => true, limit: '20mb' }))
      .forRoutes(RegistrationController, ReplicationController);
  }
}
