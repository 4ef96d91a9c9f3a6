import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isInstanceStatus } from '../registry/instance-info';
import { InvalidRegistration } from '../registry/invalid-registration';
import type { ReplicationAction, ReplicationResult } from '../peers/replication-action';
import { RegistryService } from '../registry-runtime/registry.service';
import { instanceJson } from '../wire/instance-json';
import { PeerReplicator } from '../peers/peer-replicator';

const OK = { statusCode: 200 };
const NOT_FOUND = { statusCode: 404 };
const found = (done: boolean): ReplicationResult => (done ? OK : NOT_FOUND);

/** Applies a peer's batch items as replicated writes, and reacts to peers' answers to ours. */
@Injectable()
export class ReplicationBatchHandler implements OnModuleInit {
  constructor(
    private readonly service: RegistryService,
    private readonly replicator: PeerReplicator,
  ) {}

  onModuleInit(): void {
    this.replicator.answerWith((action, result) => this.onPeerAnswer(action, result));
  }

  apply(action: ReplicationAction): ReplicationResult {
    const app = String(action.appName ?? '').toUpperCase();
    const id = String(action.id ?? '');
    const status = isInstanceStatus(action.status) ? action.status : undefined;
    switch (action.action) {
      case 'Register':
        return this.register(action.instanceInfo, app);
      case 'Heartbeat':
        return this.heartbeat(app, id, action.lastDirtyTimestamp);
      case 'Cancel':
        return found(this.service.cancel(app, id, true));
      case 'StatusUpdate':
        if (!status) return { statusCode: 400 };
        return found(this.service.setStatusOverride(app, id, status, true, action.lastDirtyTimestamp));
      case 'DeleteStatusOverride':
        return found(
          this.service.deleteStatusOverride(app, id, status ?? 'UNKNOWN', true, action.lastDirtyTimestamp),
        );
      default:
        return { statusCode: 400 };
    }
  }

  private register(instanceInfo: unknown, app: string): ReplicationResult {
    try {
      this.service.register(this.service.parse(instanceInfo, app), true);
      return OK;
    } catch (error) {
      if (error instanceof InvalidRegistration) return { statusCode: 400 };
      throw error;
    }
  }

  private heartbeat(app: string, id: string, lastDirtyTimestamp?: number): ReplicationResult {
    const dirty = lastDirtyTimestamp === undefined ? undefined : Number(lastDirtyTimestamp);
    const outcome = this.service.renew(app, id, true, dirty);
    if (outcome.kind === 'not-found') return NOT_FOUND;
    if (outcome.kind === 'renewed') return OK;
    const lease = this.service.registry.lease(app, id);
    return { statusCode: 409, ...(lease && { responseEntity: instanceJson(lease) }) };
  }

  /** A peer that does not know an instance gets it whole; a peer with newer data wins. */
  private onPeerAnswer(action: ReplicationAction, result: ReplicationResult): void {
    if (action.action !== 'Heartbeat') return;
    const app = action.appName;
    if (result.statusCode === 404) {
      const holder = this.service.registry.lease(app, action.id)?.holder;
      if (holder) this.service.replicateRegister(holder);
    } else if (result.statusCode === 409 && result.responseEntity) {
      this.register(result.responseEntity, app);
    }
  }
}
