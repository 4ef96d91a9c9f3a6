import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { RegistryConfig } from '../config/registry-config';
import { REGISTRY_CONFIG } from '../config/registry-config.token';
import type { ReplicationAction, ReplicationResult } from './replication-action';

export const REPLICATION_HEADER = 'x-netflix-discovery-replication';
const MAX_BATCH = 250;
const MAX_PENDING = 10_000;

export type PeerAnswerHandler = (action: ReplicationAction, result: ReplicationResult) => void;

/**
 * Sends this node's writes to every peer in batches (Eureka's PeerEurekaNode batching dispatcher):
 * `POST {peer}peerreplication/batch/`, marked as replication so the peer does not send it on.
 */
@Injectable()
export class PeerReplicator implements OnModuleDestroy {
  private readonly logger = new Logger('PeerReplicator');
  private readonly pending = new Map<string, ReplicationAction[]>();
  private timer?: NodeJS.Timeout;
  private onAnswer: PeerAnswerHandler = () => undefined;

  constructor(@Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig) {
    for (const peer of config.peers) this.pending.set(peer.href, []);
  }

  /** Set by the batch handler: peers' 404 and 409 answers need the registry. */
  answerWith(handler: PeerAnswerHandler): void {
    this.onAnswer = handler;
  }

  enqueue(action: ReplicationAction): void {
    if (this.pending.size === 0) return;
    for (const queue of this.pending.values()) {
      if (queue.length < MAX_PENDING) queue.push(action);
    }
    this.timer ??= setTimeout(() => this.flush(), this.config.peerBatchDelayMs);
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    await Promise.all([...this.pending.keys()].map((peer) => this.flushPeer(peer)));
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
  }

  private async flushPeer(peer: string): Promise<void> {
    const queue = this.pending.get(peer) ?? [];
    const batch = queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    try {
      const results = await this.post(peer, batch);
      batch.forEach((action, index) => this.onAnswer(action, results[index] ?? { statusCode: 500 }));
    } catch (error) {
      // A peer that is down gets the writes later; heartbeats keep coming, so drop stale ones.
      queue.unshift(...batch.filter((action) => action.action !== 'Heartbeat'));
      this.logger.warn(`replication to ${peer} failed: ${(error as Error).message}`);
    }
    if (queue.length > 0) this.timer ??= setTimeout(() => this.flush(), this.config.peerBatchDelayMs);
  }

  private async post(peer: string, replicationList: ReplicationAction[]): Promise<ReplicationResult[]> {
    const response = await fetch(new URL('peerreplication/batch/', peer), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [REPLICATION_HEADER]: 'true',
      },
      body: JSON.stringify({ replicationList }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = (await response.json()) as { responseList?: ReplicationResult[] };
    return body.responseList ?? [];
  }
}
