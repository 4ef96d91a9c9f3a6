import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventPublisher, OutgoingEvent } from '../broker/event-publisher';
import type { BrokerConnection } from '../broker/broker-connection';
import { backoffDelay, NotificationListener, type BackoffOptions } from '@pss/platform';
import { Wakeup } from '../support/wakeup';
import { OUTBOX_CHANNEL } from './outbox-channel';

export interface OutboxRelayOptions {
  /** Rows claimed, published and marked per transaction. */
  batchSize?: number;
  /** Poll interval when no NOTIFY arrives (the NOTIFY path is the fast one). */
  pollIntervalMs?: number;
  /** Pause between attempts while the broker or the database fails. */
  retry?: BackoffOptions;
  /** Sent rows are deleted after this long. */
  retainSentMs?: number;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  event_type: string;
  aggregate_id: string;
  payload: string;
}

/**
 * Publishes committed outbox rows in commit (id) order, at least once. One relay at a time per
 * database holds the transaction-scoped advisory lock, so order is global (hence per aggregate) even
 * with several service instances; the others stand by. A batch is marked sent in the same
 * transaction that claimed it, only after the broker confirmed every message; a failure rolls the
 * batch back and it is re-sent after a backoff (consumers drop the duplicates through their inbox).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly wakeup = new Wakeup();
  private readonly listener: NotificationListener;
  private readonly options: Required<OutboxRelayOptions>;
  private running?: Promise<void>;
  private stopping = false;
  private failures = 0;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: BrokerConnection,
    private readonly publisher: EventPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.options = {
      batchSize: 500,
      pollIntervalMs: 1_000,
      retry: { initialMs: 200, maxMs: 10_000 },
      retainSentMs: 7 * 24 * 3600_000,
      ...options,
    };
    // NOTIFY from the outbox trigger wakes the relay at once; polling covers a lost connection.
    this.listener = new NotificationListener(dataSource, OUTBOX_CHANNEL, {
      onNotify: () => this.wakeup.wake(),
    });
    broker.onConnect(() => this.wakeup.wake());
  }

  start(): void {
    this.publisher.open();
    this.stopping = false;
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.wake();
    await this.running;
    this.running = undefined;
    await this.listener.stop();
  }

  /** Publishes one batch; returns how many rows were sent (0 if none, or another relay is active). */
  relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Without statistics (a backlog written since the last ANALYZE) the planner sorts every unsent
      // row, payloads included, to return the first batchSize; the partial index gives id order.
      const [{ locked }] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('pss.outbox_relay')) AS locked,
                set_config('enable_sort', 'off', true)`,
      );
      if (!locked) return 0;
      const rows = await this.claim(manager);
      if (rows.length === 0) return 0;
      await this.publisher.publishAll(rows.map(toOutgoingEvent));
      await manager.query('UPDATE outbox_messages SET sent_at = now() WHERE id = ANY($1::bigint[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const pause = await this.step();
      if (pause > 0 && !this.stopping) await this.wakeup.wait(pause);
    }
  }

  /** One iteration; returns how long to wait before the next. */
  private async step(): Promise<number> {
    if (!this.broker.isConnected()) return this.options.pollIntervalMs;
    try {
      await this.listener.ensureListening();
      const sent = await this.relayOnce();
      this.failures = 0;
      await this.pruneNowAndThen();
      return sent === this.options.batchSize ? 0 : this.options.pollIntervalMs;
    } catch (error) {
      this.failures += 1;
      this.logger.warn(`outbox batch not sent (attempt ${this.failures}): ${(error as Error).message}`);
      return backoffDelay(this.failures, this.options.retry);
    }
  }

  private claim(manager: EntityManager): Promise<ClaimedRow[]> {
    return manager.query(
      `SELECT id, event_id, event_type, aggregate_id, payload::text AS payload
         FROM outbox_messages WHERE sent_at IS NULL
        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [this.options.batchSize],
    );
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < 600_000) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(
      "DELETE FROM outbox_messages WHERE sent_at < now() - $1 * interval '1 millisecond'",
      [this.options.retainSentMs],
    );
  }
}

function toOutgoingEvent(row: ClaimedRow): OutgoingEvent {
  return { id: row.event_id, type: row.event_type, aggregateId: row.aggregate_id, body: row.payload };
}
