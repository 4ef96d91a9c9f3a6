import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '@pss/platform';
import type { RegistryConfig } from '../config/registry-config';
import { REGISTRY_CONFIG } from '../config/registry-config.token';
import { PeerChannel, type PeerAnswerHandler } from './peer-channel';
import type { ReplicationAction } from './replication-action';
import { ReplicationMetrics } from './replication-metrics';

/** How long shutdown waits for pending writes to reach the peers (within SHUTDOWN_TIMEOUT_MS). */
const SHUTDOWN_FLUSH_MS = 3_000;

/**
 * Sends this node's writes to every peer in batches (Eureka's PeerEurekaNode batching dispatcher),
 * one channel per peer, so that a slow or absent peer delays nobody else.
 */
@Injectable()
export class PeerReplicator implements BeforeApplicationShutdown {
  private readonly logger = new Logger('PeerReplicator');
  private readonly channels: PeerChannel[];
  private onAnswer: PeerAnswerHandler = () => undefined;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig, metrics: MetricsService) {
    const replicationMetrics = new ReplicationMetrics(metrics.registry, () =>
      Object.fromEntries(config.peers.map((peer, i) => [peer.name, this.channels[i].pending])),
    );
    this.channels = config.peers.map(
      (peer) =>
        new PeerChannel(peer, config.peerBatchDelayMs, replicationMetrics, this.logger, (action, result) =>
          this.onAnswer(action, result),
        ),
    );
  }

  /** Set by the batch handler: peers' 404 and 409 answers need the registry. */
  answerWith(handler: PeerAnswerHandler): void {
    this.onAnswer = handler;
  }

  enqueue(action: ReplicationAction): void {
    for (const channel of this.channels) channel.enqueue(action);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + SHUTDOWN_FLUSH_MS;
    await Promise.all(this.channels.map((channel) => channel.drain(deadline)));
  }
}
