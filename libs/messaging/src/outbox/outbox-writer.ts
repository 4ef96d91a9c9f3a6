import type { IntegrationEvent } from '@pss/contracts';
import type { EntityManager } from 'typeorm';
import { outboxWritten } from './outbox-commits';

export interface OutboxEntry {
  event: IntegrationEvent;
  /** Events of one aggregate reach consumers in the order their transactions committed. */
  aggregateId: string;
}

export interface OutboxRowSql {
  /** SQL expressions (usually parameters such as `$16`) of the row's values. */
  eventId: string;
  eventType: string;
  aggregateId: string;
  /** An SQL expression of the whole event envelope as jsonb. */
  payload: string;
  /** The FROM clause the values read from (the caller's other CTEs); the row exists only if they have one. */
  from: string;
}

/**
 * The outbox row of an event as an `INSERT … SELECT`, for a data-modifying CTE in the caller's own
 * statement: the change and its event are then one statement, atomic by itself and one round trip
 * (booking's hot path). `OutboxWriter.write` is the usual way. The lock rule is the caller's here:
 * the statement must hold a lock every writer of the aggregate takes (booking: the UPDATE of the
 * flight's inventory row) before the row is inserted; and so is telling the relay, with
 * `outboxWritten(manager)` after the statement.
 */
export function outboxInsertSql(row: OutboxRowSql): string {
  return `INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
          SELECT ${row.eventId}, ${row.eventType}, ${row.aggregateId}, ${row.payload} FROM ${row.from}`;
}

/**
 * Writes integration events into the outbox with the caller's EntityManager, inside the caller's
 * transaction: the event exists if and only if the state change commits. It first takes a
 * transaction-scoped advisory lock per aggregate (in a fixed order, so writers never deadlock on
 * them): a second writer of the aggregate waits for the first to commit before it takes its id, so
 * that id order is commit order within an aggregate, the order the relay publishes in.
 */
export class OutboxWriter {
  async write(manager: EntityManager, event: IntegrationEvent, aggregateId: string): Promise<void> {
    await this.writeMany(manager, [{ event, aggregateId }]);
  }

  async writeMany(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter needs the EntityManager of an open transaction');
    }
    if (entries.length === 0) return;
    const aggregates = [...new Set(entries.map((entry) => entry.aggregateId))].sort();
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('pss.outbox.aggregate'), hashtext(aggregate))
         FROM unnest($1::text[]) AS aggregate`,
      [aggregates],
    );
    const values = entries.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
    const parameters = entries.flatMap(({ event, aggregateId }) => [
      event.id,
      event.type,
      aggregateId,
      JSON.stringify(event),
    ]);
    await manager.query(
      `INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload) VALUES ${values.join(', ')}`,
      parameters,
    );
    outboxWritten(manager);
  }
}
