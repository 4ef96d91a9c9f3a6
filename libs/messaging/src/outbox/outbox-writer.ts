import type { IntegrationEvent } from '@pss/contracts';
import type { EntityManager } from 'typeorm';

export interface OutboxEntry {
  event: IntegrationEvent;
  /** Events of one aggregate reach consumers in the order they were written. */
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
 * (booking's hot path). `OutboxWriter.write` is the usual way.
 */
export function outboxInsertSql(row: OutboxRowSql): string {
  return `INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
          SELECT ${row.eventId}, ${row.eventType}, ${row.aggregateId}, ${row.payload} FROM ${row.from}`;
}

/**
 * Writes integration events into the outbox with the caller's EntityManager, inside the caller's
 * transaction: the event exists if and only if the state change commits.
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
  }
}
