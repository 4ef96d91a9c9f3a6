import {
  createIntegrationEvent,
  flightKey,
  MAX_BULK_ITEMS,
  type FlightChangedEvent,
  type FlightScheduledEvent,
  type ScheduledFlightPayload,
} from '@pss/contracts';
import { OutboxWriter } from '@pss/messaging';
import type { EntityManager } from 'typeorm';

/** The schedule's columns of a `flights` row, as `RETURNING SCHEDULE_COLUMNS` gives them. */
export interface ScheduleRow {
  flight_number: string;
  flight_date: string;
  origin: string;
  destination: string;
  departs_at: Date;
  arrives_at: Date;
  capacity: number;
  schedule_version: number;
}

export const SCHEDULE_COLUMNS = `flight_number, flight_date::text AS flight_date, origin, destination,
  departs_at, arrives_at, capacity, schedule_version`;

/** A row as the schedule's events (and its snapshot) say it. */
export function scheduledFlightOf(row: ScheduleRow): ScheduledFlightPayload {
  return {
    flightNumber: row.flight_number,
    flightDate: row.flight_date,
    origin: row.origin,
    destination: row.destination,
    departsAt: row.departs_at.toISOString(),
    arrivesAt: row.arrives_at.toISOString(),
    capacity: row.capacity,
    scheduleVersion: row.schedule_version,
  };
}

/**
 * Puts `flight.scheduled` (version 1) or `flight.changed` for each row in the outbox, inside the
 * caller's transaction: the schedule and what everyone else hears of it commit together.
 */
export async function announceSchedule(
  outbox: OutboxWriter,
  manager: EntityManager,
  rows: readonly ScheduleRow[],
): Promise<void> {
  await outbox.writeMany(
    manager,
    rows.map((row) => ({
      event: createIntegrationEvent(
        row.schedule_version === 1 ? 'flight.scheduled' : 'flight.changed',
        scheduledFlightOf(row),
      ) as FlightScheduledEvent | FlightChangedEvent,
      aggregateId: flightKey({ flightNumber: row.flight_number, flightDate: row.flight_date }),
    })),
  );
}

/**
 * Puts one `flight.bulk-scheduled` per date (per MAX_BULK_ITEMS flights of it) in the outbox for
 * new rows (version 1), inside the caller's transaction: a bulk load's announcement, a message for
 * a day's flights, not one for each. Followers apply each flight as they would `flight.scheduled`.
 */
export async function announceScheduleByDay(
  outbox: OutboxWriter,
  manager: EntityManager,
  rows: readonly ScheduleRow[],
): Promise<void> {
  const byDate = Map.groupBy(rows, (row) => row.flight_date);
  await outbox.writeMany(
    manager,
    [...byDate].flatMap(([date, flights]) =>
      chunks(flights, MAX_BULK_ITEMS).map((chunk) => ({
        event: createIntegrationEvent('flight.bulk-scheduled', { flights: chunk.map(scheduledFlightOf) }),
        aggregateId: `schedule/${date}`,
      })),
    ),
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}
