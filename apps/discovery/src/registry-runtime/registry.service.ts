import { Inject, Injectable } from '@nestjs/common';
import type { InstanceInfo, InstanceStatus } from '../registry/instance-info';
import { checkMetadata, type InstanceLimits } from '../registry/instance-limits';
import { InstanceRegistry, type RenewOutcome } from '../registry/instance-registry';
import { parseInstance } from '../registry/parse-instance';
import type { RegistryConfig } from '../config/registry-config';
import { instanceJson } from '../wire/instance-json';
import { PeerReplicator } from '../peers/peer-replicator';
import { REGISTRY_CONFIG } from '../config/registry-config.token';

/**
 * The registry as the HTTP layer sees it: every write that did not come from a peer is
 * replicated to the peers (Eureka's PeerAwareInstanceRegistry).
 */
@Injectable()
export class RegistryService {
  readonly registry: InstanceRegistry;
  private readonly limits: InstanceLimits;

  constructor(
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
    private readonly replicator: PeerReplicator,
  ) {
    this.registry = new InstanceRegistry(config.registry);
    this.limits = config.instanceLimits;
  }

  /** A register body's `instance` as the registry keeps it; throws InvalidRegistration. */
  parse(instance: unknown, app: string): InstanceInfo {
    return parseInstance(instance, app, Date.now(), this.limits);
  }

  register(info: InstanceInfo, isReplication: boolean): void {
    this.registry.register(info, isReplication);
    const lease = this.registry.lease(info.app, info.id);
    if (!isReplication && lease) this.replicateRegister(info);
  }

  renew(app: string, id: string, isReplication: boolean, lastDirtyTimestamp?: number): RenewOutcome {
    const outcome = this.registry.renew(app, id, isReplication, lastDirtyTimestamp);
    if (!isReplication && outcome.kind === 'renewed') {
      const holder = this.registry.lease(app, id)?.holder;
      this.replicator.enqueue({
        appName: app,
        id,
        action: 'Heartbeat',
        status: holder?.status,
        overriddenStatus: holder?.overriddenStatus,
        lastDirtyTimestamp: holder?.lastDirtyTimestamp,
      });
    }
    return outcome;
  }

  cancel(app: string, id: string, isReplication: boolean): boolean {
    const done = this.registry.cancel(app, id);
    if (done && !isReplication) this.replicator.enqueue({ appName: app, id, action: 'Cancel' });
    return done;
  }

  setStatusOverride(
    app: string,
    id: string,
    status: InstanceStatus,
    isReplication: boolean,
    lastDirty?: number,
  ) {
    const done = this.registry.setStatusOverride(app, id, status, lastDirty);
    if (done && !isReplication) this.replicateStatus(app, id, 'StatusUpdate', status);
    return done;
  }

  deleteStatusOverride(
    app: string,
    id: string,
    fallback: InstanceStatus,
    isReplication: boolean,
    lastDirty?: number,
  ) {
    const done = this.registry.deleteStatusOverride(app, id, fallback, lastDirty);
    if (done && !isReplication) this.replicateStatus(app, id, 'DeleteStatusOverride', fallback);
    return done;
  }

  /** Throws InvalidRegistration when the merged metadata passes the limits. */
  updateMetadata(app: string, id: string, entries: Record<string, string>): boolean {
    const current = this.registry.lease(app, id)?.holder.metadata;
    if (current) checkMetadata({ ...current, ...entries }, this.limits);
    const holder = this.registry.updateMetadata(app, id, entries);
    if (holder) this.replicateRegister(holder);
    return holder !== undefined;
  }

  /** Answers a peer's heartbeat 404: send it the whole instance. */
  replicateRegister(info: InstanceInfo): void {
    const lease = this.registry.lease(info.app, info.id);
    if (!lease) return;
    this.replicator.enqueue({
      appName: info.app,
      id: info.id,
      action: 'Register',
      lastDirtyTimestamp: info.lastDirtyTimestamp,
      overriddenStatus: info.overriddenStatus,
      status: info.status,
      instanceInfo: instanceJson(lease),
    });
  }

  private replicateStatus(
    app: string,
    id: string,
    action: 'StatusUpdate' | 'DeleteStatusOverride',
    status: InstanceStatus,
  ) {
    const lastDirtyTimestamp = this.registry.lease(app, id)?.holder.lastDirtyTimestamp;
    this.replicator.enqueue({ appName: app, id, action, status, lastDirtyTimestamp });
  }
}
