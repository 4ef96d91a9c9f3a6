import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ForwardingProxies, ReadinessService, ServiceConfig, type ReadinessState } from '@pss/platform';
import type { Server } from 'node:http';
import { isIPv4, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RegistryClientSettings } from './registry-client-settings';
import type { EurekaInstance, EurekaStatus } from './eureka/eureka-js-client.types';
import { eurekaLogger } from './eureka/eureka-logger';
import { redactUserinfo } from './eureka/redact-userinfo';
import { ResilientEurekaClient } from './eureka/resilient-eureka-client';
import { eurekaConfig, instanceConfig } from './instance/eureka-config';
import { instanceIdentity } from './instance/instance-identity';
import { sourceAddressTowardsAny } from './instance/source-address';

export const REGISTRY_CLIENT_SETTINGS = Symbol('REGISTRY_CLIENT_SETTINGS');

const STATUS_FOR: Record<ReadinessState, EurekaStatus> = {
  STARTING: 'STARTING',
  UP: 'UP',
  DOWN: 'DOWN',
  STOPPING: 'OUT_OF_SERVICE',
};

/**
 * Registers this service once its HTTP server listens (at the port it listens on), keeps its
 * registry status in step with readiness, deregisters on shutdown, and answers "which instances
 * of X are UP" from then on.
 */
@Injectable()
export class RegistryClient implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RegistryClient');
  private client?: ResilientEurekaClient;
  private stopping?: Promise<void>;
  private refreshing?: Promise<void>;
  private readonly giveUp = new AbortController();

  constructor(
    @Inject(REGISTRY_CLIENT_SETTINGS) private readonly settings: RegistryClientSettings,
    private readonly config: ServiceConfig,
    @Optional() private readonly readiness?: ReadinessService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
    @Optional() proxies?: ForwardingProxies,
  ) {
    const { forwardingProxies } = settings;
    if (forwardingProxies.length > 0)
      proxies?.believe((address) => forwardingProxies.some((app) => this.lists(app, address)));
  }

  onApplicationBootstrap(): void {
    const { registryUrls, requestTimeoutMs, heartbeatIntervalMs, maxResponseBytes } = this.settings;
    if (registryUrls.length === 0) {
      this.logger.warn('DISCOVERY_URLS is not set: not registering, and no other service can be found');
      return;
    }
    // An application context without HTTP (the `migrate` command) neither registers nor calls.
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    this.client = new ResilientEurekaClient(eurekaConfig(this.settings, eurekaLogger(this.logger)), {
      timeoutMs: requestTimeoutMs,
      maxResponseBytes,
      registerRetryMs: heartbeatIntervalMs,
    });
    this.client.startFetching();
    if (!this.settings.registerWithEureka) return;
    if (server.listening) void this.register(server);
    else server.once('listening', () => void this.register(server));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.deregister();
  }

  /** The instances of `appName` in one of `statuses` (UP unless named), from the last registry fetch. */
  instances(appName: string, statuses: readonly EurekaStatus[] = ['UP']): EurekaInstance[] {
    const listed = this.client?.getInstancesByAppId(appName.toUpperCase()) ?? [];
    return listed.filter((instance) => statuses.includes(instance.status));
  }

  /**
   * Whether `address` is an instance of `appName`, in any status (a front door being drained still
   * forwards the requests it holds). Only an app's own account can register it, so an address the
   * registry lists under the front door is the front door's; a new one from the next fetch on.
   */
  private lists(appName: string, address: string): boolean {
    return (this.client?.getInstancesByAppId(appName) ?? []).some((instance) => instance.ipAddr === address);
  }

  /** Fetches the registry now (one fetch at a time, shared by the callers that wait for it). */
  refresh(): Promise<void> {
    const client = this.client;
    if (!client) return Promise.resolve();
    this.refreshing ??= new Promise<void>((resolve) => client.fetchRegistry(() => resolve())).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** For services without platform readiness; with it, readiness drives the status. */
  setStatus(status: EurekaStatus): void {
    this.client?.setStatus(status);
  }

  /**
   * Registers at the port the server listens on, as the host the platform's config names, at the
   * address this host reaches a registry from (unless that host is an IPv4 address itself).
   */
  private async register(server: Server): Promise<void> {
    const { port } = server.address() as AddressInfo;
    const routed = await this.routedAddress();
    if (this.stopping) return;
    const identity = instanceIdentity(this.settings.appName, port, this.config.instanceHost, routed);
    const status = STATUS_FOR[this.readiness?.state ?? 'UP'];
    this.client?.registerAs(instanceConfig(this.settings, identity, status, this.config.build));
    const registries = redactUserinfo(this.settings.registryUrls.join(', '));
    this.logger.log(`registering as ${identity.instanceId} at ${registries}`);
    this.followReadiness();
  }

  /**
   * The address this host reaches the first registry whose name resolves from. While none resolves
   * (every node down) registration waits: a guess can be an address on a network that callers
   * cannot reach, such as the service's database network.
   */
  private async routedAddress(): Promise<string | undefined> {
    const { instanceHost } = this.config;
    if (instanceHost && isIPv4(instanceHost)) return undefined;
    for (;;) {
      const routed = await sourceAddressTowardsAny(this.settings.registryUrls);
      if (routed) return routed;
      this.logger.warn('no registry name resolves: registering once one does');
      const waited = await sleep(this.settings.heartbeatIntervalMs, true, {
        signal: this.giveUp.signal,
      }).catch(() => false);
      if (!waited) return undefined;
    }
  }

  private followReadiness(): void {
    if (!this.readiness) return this.setStatus('UP');
    this.setStatus(STATUS_FOR[this.readiness.state]);
    this.readiness.onChange((state) =>
      state === 'STOPPING' ? void this.deregister() : this.setStatus(STATUS_FOR[state]),
    );
  }

  private deregister(): Promise<void> {
    this.giveUp.abort();
    this.stopping ??= this.client?.disconnect() ?? Promise.resolve();
    return this.stopping;
  }
}
