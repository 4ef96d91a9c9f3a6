import type { Logger } from '@nestjs/common';
import { backoffDelay } from '@pss/platform';
import type { Peer } from '../config/peer-urls';
import { BatchRefused, postBatch } from './peer-client';
import type { ReplicationAction, ReplicationResult } from './replication-action';
import type { ReplicationMetrics } from './replication-metrics';
import { ReplicationQueue, type DropReason, type ReplicationBatch } from './replication-queue';

const MAX_PENDING = 10_000;
const MAX_BATCH_ACTIONS = 250;
// Well under the 1 MiB a peer takes per batch; one instance with the largest metadata still fits.
const MAX_BATCH_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 5_000;
const RETRY = { initialMs: 100, maxMs: 30_000 };
const QUEUE_FULL_LOG_EVERY_MS = 10_000;

export type PeerAnswerHandler = (action: ReplicationAction, result: ReplicationResult) => void;
type Outcome = 'empty' | 'sent' | 'refused' | 'failed';

/**
 * The replication of this node's writes to one peer: batches in order, one at a time. A batch the
 * peer could not take (down, 5xx, timeout) goes back in front and is retried with exponential
 * backoff; a batch it refused (4xx) could never succeed and is dropped. Every drop is counted and
 * logged, except heartbeats superseded by a newer one (counted).
 */
export class PeerChannel {
  private readonly queue: ReplicationQueue;
  private timer?: NodeJS.Timeout;
  private sending?: Promise<Outcome>;
  private failures = 0;
  private closed = false;
  /** Actions of the batch on its way to the peer: pending until it answers. */
  private inFlight = 0;
  private queueFull = { dropped: 0, loggedAt: 0 };

  constructor(
    private readonly peer: Peer,
    private readonly batchDelayMs: number,
    private readonly metrics: ReplicationMetrics,
    private readonly logger: Logger,
    private readonly onAnswer: PeerAnswerHandler,
  ) {
    this.queue = new ReplicationQueue(MAX_PENDING, (reason, count) => this.dropped(reason, count));
  }

  get pending(): number {
    return this.queue.size + this.inFlight;
  }

  enqueue(action: ReplicationAction): void {
    if (this.closed) return this.dropped('shutdown', 1);
    this.metrics.recordEnqueued(this.peer.name);
    this.queue.push(action);
    this.schedule(this.batchDelayMs);
  }

  /** Sends what is pending until `deadline` (or a failure); drops the rest, saying so. */
  async drain(deadline: number): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sending;
    let outcome: Outcome = 'sent';
    while (outcome !== 'failed' && outcome !== 'empty' && Date.now() < deadline) {
      outcome = await this.sendOne(Math.min(REQUEST_TIMEOUT_MS, deadline - Date.now()));
    }
    const left = this.queue.clear();
    if (left > 0) this.dropped('shutdown', left);
  }

  private schedule(delayMs: number): void {
    if (this.closed || this.timer || this.sending) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sending = this.sendOne(REQUEST_TIMEOUT_MS);
      void this.sending.then((outcome) => {
        this.sending = undefined;
        if (outcome === 'failed') this.schedule(backoffDelay(this.failures, RETRY));
        else if (this.queue.size > 0) this.schedule(0);
      });
    }, delayMs);
  }

  private async sendOne(timeoutMs: number): Promise<Outcome> {
    const batch = this.queue.take(MAX_BATCH_ACTIONS, MAX_BATCH_BYTES);
    if (!batch) return 'empty';
    this.inFlight = batch.actions.length;
    try {
      const results = await postBatch(this.peer, batch.body, AbortSignal.timeout(timeoutMs));
      this.inFlight = 0;
      this.succeeded(batch, results);
      return 'sent';
    } catch (error) {
      this.inFlight = 0;
      if (error instanceof BatchRefused) {
        this.logger.warn(
          `${this.peer.name} refused a batch of ${batch.actions.length} actions (${error.status}): dropped`,
        );
        this.dropped('refused', batch.actions.length);
        return 'refused';
      }
      this.failed(batch, error as Error);
      return 'failed';
    }
  }

  private succeeded(batch: ReplicationBatch, results: ReplicationResult[]): void {
    if (this.failures > 0)
      this.logger.log(`replication to ${this.peer.name} resumed after ${this.failures} failed attempts`);
    this.failures = 0;
    this.metrics.recordSent(this.peer.name, batch.actions.length);
    batch.actions.forEach((action, i) => this.onAnswer(action, results[i] ?? { statusCode: 500 }));
  }

  private failed(batch: ReplicationBatch, error: Error): void {
    this.queue.putBack(batch.actions);
    this.failures += 1;
    const message = `replication to ${this.peer.name} failed (attempt ${this.failures}): ${error.message}`;
    if (this.failures === 1) this.logger.warn(`${message}; retrying with backoff`);
    else this.logger.debug(message);
  }

  private dropped(reason: DropReason, count: number): void {
    this.metrics.recordDropped(this.peer.name, reason, count);
    if (reason === 'shutdown') this.logger.warn(`${count} actions for ${this.peer.name} dropped at shutdown`);
    if (reason !== 'queue_full') return;
    this.queueFull.dropped += count;
    if (Date.now() - this.queueFull.loggedAt < QUEUE_FULL_LOG_EVERY_MS) return;
    this.logger.warn(
      `${this.queueFull.dropped} actions for ${this.peer.name} dropped: ${MAX_PENDING} already pending`,
    );
    this.queueFull = { dropped: 0, loggedAt: Date.now() };
  }
}
