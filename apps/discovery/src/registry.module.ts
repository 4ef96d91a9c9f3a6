import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { guardRegistry } from './auth/registry-access';
import { registryConfig, type RegistryConfig } from './config/registry-config';
import { ApplicationsController } from './eureka/applications.controller';
import { markedAsReplication } from './eureka/eureka-paths';
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
import { refuseReadsUntilSynced } from './replication/sync-gate';
import { StatusController } from './status/status.controller';
import { acceptEurekaBodies } from './wire/request-bodies';
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
export class RegistryModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly peerSync: PeerSync,
  ) {}

  /** In the order requests meet them: who is calling, then whether the registry can be read yet. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    guardRegistry(fastify, this.config.access, markedAsReplication);
    refuseReadsUntilSynced(fastify, () => this.peerSync.synced);
    acceptEurekaBodies(fastify);
  }
}
