import type { BookingConfirmedEvent } from '@pss/contracts';
import { waitUntil } from '@pss/testing';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '../src';
import { testEvent } from './harness';

/**
 * Writes one marker event through the outbox for each aggregate of `events` and waits until every
 * marker is applied. The relay publishes in id order and the consumer applies an aggregate's events
 * in arrival order, so by then every delivery of those aggregates published before the markers (a
 * late duplicate included) has been processed: a positive end point instead of a sleep. Returns the
 * number of markers, which count in `effectCounts`.
 */
export async function applyMarkersAfter(
  dataSource: DataSource,
  events: readonly BookingConfirmedEvent[],
  timeoutMs = 60_000,
): Promise<number> {
  const aggregates = [...new Set(events.map((event) => event.payload.bookingId))];
  const markers = aggregates.map((aggregate) => testEvent(aggregate, events.length));
  await dataSource.transaction((manager) =>
    new OutboxWriter().writeMany(
      manager,
      markers.map((event) => ({ event, aggregateId: event.payload.bookingId })),
    ),
  );
  const ids = markers.map((marker) => marker.id);
  const applied = async (): Promise<number> =>
    (
      await dataSource.query(
        'SELECT count(*)::int AS n FROM applied_effects WHERE event_id = ANY($1::uuid[])',
        [ids],
      )
    )[0].n;
  await waitUntil(
    async () => `${markers.length} markers applied (${await applied()})`,
    async () => (await applied()) === markers.length,
    timeoutMs,
  );
  return markers.length;
}
