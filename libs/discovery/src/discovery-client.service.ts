import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ReadinessService, type ReadinessState } from '@pss/platform';
import type { Server } from 'node:http';
import type { DiscoverySettings } from './discovery-settings';
import type { EurekaInstance, EurekaLogger, EurekaStatus } from './eureka/eureka-js-client.types';
import { ResilientEurekaClient } from './eureka/resilient-eureka-client';
import { eurekaConfig } from './instance/eureka-config';
import { instanceIdentity } from './instance/instance-identity';

export const DISCOVERY_SETTINGS = Symbol('DISCOVERY_SETTINGS');

const STATUS_FOR: Record<ReadinessState, EurekaStatus> = {
  STARTING: 'STARTING',
  UP: 'UP',
  DOWN: 'DOWN',
  STOPPING: 'OUT_OF_SERVICE',
};

/**
 * Registers this service, keeps its registry status in step with readiness (STARTING until the
 * HTTP server listens), deregisters on shutdown, and answers "which instances of X are UP".
 */
@Injectable()
export class DiscoveryClient implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Discovery');
  private client?: ResilientEurekaClient;
  private stopping?: Promise<void>;

  constructor(
    @Inject(DISCOVERY_SETTINGS) private readonly settings: DiscoverySettings,
    @Optional() private readonly readiness?: ReadinessService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    const { registryUrls, appName, port, instanceHost } = this.settings;
    if (registryUrls.length === 0) {
      this.logger.warn('DISCOVERY_URLS is not set: not registering, and no other service can be found');
      return;
    }
    const identity = instanceIdentity(appName, port, instanceHost);
    const client = new ResilientEurekaClient(
      eurekaConfig(this.settings, identity, 'STARTING', this.eurekaLogger()),
      {
        requestTimeoutMs: this.settings.requestTimeoutMs,
        registerRetryMs: this.settings.heartbeatIntervalMs,
      },
    );
    this.client = client;
    client.connect();
    this.logger.log(`registering ${appName} as ${identity.instanceId} at ${registryUrls.join(', ')}`);
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    if (server && !server.listening) server.once('listening', () => this.followReadiness());
    else this.followReadiness();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.deregister();
  }

  /** UP instances of `appName`, from the last registry fetch. */
  instances(appName: string): EurekaInstance[] {
    return this.client?.getInstancesByAppId(appName.toUpperCase()) ?? [];
  }

  /** For services without platform readiness; with it, readiness drives the status. */
  setStatus(status: EurekaStatus): void {
    this.client?.setStatus(status);
  }

  private followReadiness(): void {
    if (!this.readiness) return this.setStatus('UP');
    this.setStatus(STATUS_FOR[this.readiness.state]);
    this.readiness.onChange((state) =>
      state === 'STOPPING' ? void this.deregister() : this.setStatus(STATUS_FOR[state]),
    );
  }

  private deregister(): Promise<void> {
    this.stopping ??= this.client?.disconnect() ?? Promise.resolve();
    return this.stopping;
  }

  private eurekaLogger(): EurekaLogger {
    const text = (args: unknown[]) =>
      args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
    return {
      debug: (...args) => this.logger.debug(text(args)),
      info: (...args) => this.logger.log(text(args)),
      warn: (...args) => this.logger.warn(text(args)),
      error: (...args) => this.logger.warn(text(args)),
    };
  }
}
