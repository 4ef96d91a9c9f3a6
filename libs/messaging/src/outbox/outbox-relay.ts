import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventPublisher, OutgoingEvent } from '../broker/event-publisher';
import type { BrokerConnection } from '../broker/broker-connection';
import { backoffDelay, queryPrepared, type BackoffOptions, type PreparedStatement } from '@pss/platform';
import { Wakeup } from '../support/wakeup';
import { OutboxCommits } from './outbox-commits';

export interface OutboxRelayOptions {
  /** Rows claimed, published and marked per transaction. */
  batchSize?: number;
  /**
   * Poll interval: for rows other processes write (this process's commits wake the relay at once),
   * and while the broker is away.
   */
  pollIntervalMs?: number;
  /** Pause between attempts while the broker or the database fails. */
  retry?: BackoffOptions;
  /** Sent rows are deleted after this long. */
  retainSentMs?: number;
  /** Failed attempts to publish a row alone before it is parked. */
  maxAttempts?: number;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  event_type: string;
  aggregate_id: string;
  payload: string;
}

/** What one claim did: published this many rows, or failed to publish its rows. */
type BatchOutcome = { sent: number } | { failed: Error; rows: ClaimedRow[] };

// A relay's statements, run for every batch, are prepared once per connection (ADR 0020).

/**
 * The relay's turn, and no sorting for the claim after it: without statistics (a backlog written
 * since the last ANALYZE) the planner sorts every unsent row, payloads included, to return the
 * first batchSize; the partial index gives id order.
 */
const TAKE_RELAY_LOCK: PreparedStatement = {
  name: 'messaging_take_relay_lock',
  text: `SELECT pg_try_advisory_xact_lock(hashtext('pss.outbox_relay')) AS locked,
                set_config('enable_sort', 'off', true)`,
};
/** Never SKIP LOCKED: a row locked by someone else would be published after the rows behind it. */
const CLAIM_UNSENT: PreparedStatement = {
  name: 'messaging_claim_unsent',
  text: `SELECT id, event_id, event_type, aggregate_id, payload::text AS payload
           FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE`,
};
const MARK_SENT: PreparedStatement = {
  name: 'messaging_mark_sent',
  text: 'UPDATE outbox_messages SET sent_at = now() WHERE id = ANY($1::bigint[])',
};

/**
 * How soon to try again when another relay holds the lock: it is publishing a batch, which may have
 * been claimed before the rows this relay was woken for committed.
 */
const BUSY_RETRY_MS = 50;

/**
 * Publishes committed outbox rows in id order, at least once. One relay at a time per database
 * holds the transaction-scoped advisory lock; the others stand by. A batch is marked sent in the
 * same transaction that claimed it, only after the broker confirmed every message; a failed batch
 * is retried after a backoff, row by row, so that a row the broker never takes fails alone: after
 * `maxAttempts` such failures it is parked (skipped until `outbox:requeue`) and the rows after it
 * flow. Consumers drop the duplicates a retry makes through their inbox.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly wakeup = new Wakeup();
  private readonly options: Required<OutboxRelayOptions>;
  private running?: Promise<void>;
  private stopping = false;
  private failures = 0;
  private lastPrune = 0;
  /** The last claim found another relay holding the lock. */
  private busyElsewhere = false;
  /** After a failed batch: the highest id it held; rows up to it are published one at a time. */
  private isolateThrough?: bigint;

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
      maxAttempts: 10,
      ...options,
    };
    OutboxCommits.of(dataSource).onCommit(() => this.wakeup.wake());
    broker.onConnect(() => this.wakeup.wake());
  }

  start(): void {
    this.publisher.open();
    this.stopping = false;
    this.running ??= this.loop();
  }

  /**
   * Ends the loop. A batch still waiting for the broker's confirms past its answer time is given
   * up: closing the channel fails its publishes, its transaction ends and the rows stay unsent.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.wake();
    if (!(await this.broker.whileClosing("confirming the relay's batch", this.running)))
      await this.publisher.close();
    await this.running;
    this.running = undefined;
  }

  /** Publishes one batch; returns how many rows were sent (0 if none, or another relay is active). */
  async relayOnce(): Promise<number> {
    const outcome = await this.dataSource.transaction((manager) => this.claimAndPublish(manager));
    if ('sent' in outcome) return outcome.sent;
    if (outcome.rows.length > 1) this.isolateThrough = BigInt(outcome.rows[outcome.rows.length - 1].id);
    throw outcome.failed;
  }

  private async claimAndPublish(manager: EntityManager): Promise<BatchOutcome> {
    const [{ locked }] = await queryPrepared<{ locked: boolean }>(manager, TAKE_RELAY_LOCK, []);
    this.busyElsewhere = !locked;
    if (!locked) return { sent: 0 };
    const rows = await this.claim(manager, this.isolateThrough === undefined ? this.options.batchSize : 1);
    if (rows.length === 0) return { sent: 0 };
    if (this.isolateThrough !== undefined && BigInt(rows[0].id) >= this.isolateThrough)
      this.isolateThrough = undefined;
    try {
      await this.publisher.publishAll(rows.map(toOutgoingEvent));
    } catch (error) {
      // A row that failed alone, with the broker there and the relay not stopping, is what the
      // broker refuses: count it.
      if (rows.length === 1 && this.broker.isConnected() && !this.stopping)
        await this.recordFailure(manager, rows[0], error as Error);
      return { failed: error as Error, rows };
    }
    await queryPrepared(manager, MARK_SENT, [rows.map((row) => row.id)]);
    return { sent: rows.length };
  }

  private async recordFailure(manager: EntityManager, row: ClaimedRow, error: Error): Promise<void> {
    const [{ attempts, parked }] = await manager.query(
      `UPDATE outbox_messages
          SET attempts = attempts + 1, last_error = $2,
              parked_at = CASE WHEN attempts + 1 >= $3 THEN now() END
        WHERE id = $1 RETURNING attempts, parked_at IS NOT NULL AS parked`,
      [row.id, error.message, this.options.maxAttempts],
    );
    if (parked)
      this.logger.error(
        `parked outbox event ${row.event_id} (${row.event_type}) after ${attempts} attempts: ${error.message}; ` +
          'the events after it go on; `outbox:requeue` sends it again',
      );
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
      const sent = await this.relayOnce();
      this.failures = 0;
      await this.pruneNowAndThen();
      // A full batch, or rows sent one at a time after a failure: more are waiting.
      const more = sent === this.options.batchSize || (sent > 0 && this.isolateThrough !== undefined);
      if (more) return 0;
      return this.busyElsewhere ? BUSY_RETRY_MS : this.options.pollIntervalMs;
    } catch (error) {
      this.failures += 1;
      this.logger.warn(`outbox batch not sent (attempt ${this.failures}): ${(error as Error).message}`);
      return backoffDelay(this.failures, this.options.retry);
    }
  }

  private claim(manager: EntityManager, limit: number): Promise<ClaimedRow[]> {
    return queryPrepared<ClaimedRow>(manager, CLAIM_UNSENT, [limit]);
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
