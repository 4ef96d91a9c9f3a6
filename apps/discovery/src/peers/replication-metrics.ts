import { Counter, Gauge, type Registry } from 'prom-client';
import type { DropReason } from './replication-queue';

/**
 * What happened to every action this node meant to replicate, per peer: enqueued = sent + dropped
 * (by reason) + pending, so no action disappears without a metric saying so.
 */
export class ReplicationMetrics {
  private readonly enqueued: Counter<'peer'>;
  private readonly sent: Counter<'peer'>;
  private readonly dropped: Counter<'peer' | 'reason'>;

  constructor(registry: Registry, pending: () => Record<string, number>) {
    this.enqueued = new Counter({
      name: 'registry_replication_enqueued_total',
      help: 'Writes queued for replication to a peer',
      labelNames: ['peer'],
      registers: [registry],
    });
    this.sent = new Counter({
      name: 'registry_replication_sent_total',
      help: 'Replicated writes a peer took (it answered the batch with 200)',
      labelNames: ['peer'],
      registers: [registry],
    });
    this.dropped = new Counter({
      name: 'registry_replication_dropped_total',
      help: 'Replicated writes given up, by reason: queue_full, superseded (a newer heartbeat), refused (4xx), shutdown',
      labelNames: ['peer', 'reason'],
      registers: [registry],
    });
    new Gauge({
      name: 'registry_replication_pending',
      help: 'Writes waiting to be replicated to a peer',
      labelNames: ['peer'],
      registers: [registry],
      collect() {
        for (const [peer, count] of Object.entries(pending())) this.set({ peer }, count);
      },
    });
  }

  recordEnqueued(peer: string): void {
    this.enqueued.inc({ peer });
  }

  recordSent(peer: string, count: number): void {
    this.sent.inc({ peer }, count);
  }

  recordDropped(peer: string, reason: DropReason, count: number): void {
    this.dropped.inc({ peer, reason }, count);
  }
}
