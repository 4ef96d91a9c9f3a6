import { Logger } from '@nestjs/common';
import type { IntegrationEvent } from '@pss/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import {
  backoffDelay,
  queryPrepared,
  sleep,
  type BackoffOptions,
  type PreparedStatement,
} from '@pss/platform';
import { isTransientDatabaseError } from './transient-error';

/** The events of a batch this consumer has not applied before, recorded as applied (ADR 0020). */
const RECORD_IN_INBOX: PreparedStatement = {
  name: 'messaging_record_in_inbox',
  text: `INSERT INTO inbox_messages (consumer, event_id, event_type)
         SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS fresh(id, type)
         ON CONFLICT DO NOTHING RETURNING event_id`,
};

/**
 * Applies one event; runs inside the transaction that records the event in the inbox. What it
 * returns, if anything, runs once that transaction has committed: for effects outside the database
 * (a metric), which a batch rolled back and applied again would otherwise have twice.
 */
export type EventHandler<TEvent extends IntegrationEvent> = (
  event: TEvent,
  manager: EntityManager,
) => Promise<void | AfterCommit>;

export type AfterCommit = () => void;

/** What happened: applied now, applied before, failed for good, or given up because stopping. */
export type ApplyResult = 'applied' | 'duplicate' | 'abandoned' | { failure: string; attempts: number };

export interface ApplyPolicy {
  maxAttempts: number;
  retry: BackoffOptions;
  signal: AbortSignal;
}

/**
 * The inbox: records (consumer, event id) and runs the handler in one transaction, so an event
 * already recorded is a no-op. Handler errors are retried up to maxAttempts; database outages are
 * retried until the consumer stops, so they never send a good event to the dead-letter queue.
 */
export class EventApplier<TEvent extends IntegrationEvent = IntegrationEvent> {
  private readonly logger = new Logger(EventApplier.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: string,
    private readonly handlers: ReadonlyMap<string, EventHandler<TEvent>>,
    private readonly policy: ApplyPolicy,
  ) {}

  async apply(event: TEvent): Promise<ApplyResult> {
    let attempts = 0;
    let outages = 0;
    while (!this.policy.signal.aborted) {
      try {
        return await this.applyOnce(event);
      } catch (error) {
        const reason = (error as Error).message;
        if (isTransientDatabaseError(error)) {
          outages += 1;
        } else if (++attempts >= this.policy.maxAttempts) {
          return { failure: reason, attempts };
        }
        this.logger.warn(`event ${event.id} (${event.type}) failed, retrying: ${reason}`);
        await sleep(backoffDelay(Math.max(attempts, outages), this.policy.retry), this.policy.signal);
      }
    }
    return 'abandoned';
  }

  /**
   * Applies several events in one transaction, in order; any failure rolls all of them back (the
   * caller then applies them one by one, with retries). An id seen twice is applied once.
   */
  async applyAll(events: readonly TEvent[]): Promise<('applied' | 'duplicate')[]> {
    const afterCommit: AfterCommit[] = [];
    const outcomes = await this.dataSource.transaction(async (manager) => {
      const recorded = await queryPrepared<{ event_id: string }>(manager, RECORD_IN_INBOX, [
        this.consumer,
        events.map((event) => event.id),
        events.map((event) => event.type),
      ]);
      const fresh = new Set(recorded.map((row) => row.event_id));
      const outcomes: ('applied' | 'duplicate')[] = [];
      for (const event of events) {
        if (!fresh.delete(event.id.toLowerCase())) {
          outcomes.push('duplicate');
          continue;
        }
        const handler = this.handlers.get(event.type);
        if (!handler) throw new Error(`no handler for ${event.type}`);
        const step = await handler(event, manager);
        if (step) afterCommit.push(step);
        outcomes.push('applied');
      }
      return outcomes;
    });
    for (const step of afterCommit) step();
    return outcomes;
  }

  private async applyOnce(event: TEvent): Promise<'applied' | 'duplicate'> {
    const [outcome] = await this.applyAll([event]);
    return outcome;
  }
}
