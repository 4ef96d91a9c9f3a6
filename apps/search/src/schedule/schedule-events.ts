import {
  createIntegrationEvent,
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
      aggregateId: `${row.flight_number}/${row.flight_date}`,
    })),
  );
}
