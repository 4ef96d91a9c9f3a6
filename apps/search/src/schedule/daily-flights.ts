import { OutboxWriter } from '@pss/messaging';
import type { EntityManager } from 'typeorm';
import { announceSchedule, SCHEDULE_COLUMNS, type ScheduleRow } from './schedule-events';

/** A flight flown every day at the same time (UTC), as the book's and a generated network's are. */
export interface DailyFlight {
  flightNumber: string;
  origin: string;
  destination: string;
  /** HH:MM */
  departs: string;
  minutes: number;
  capacity: number;
}

/** How new flight-dates are announced: `flight.scheduled` each (announceSchedule), or by day. */
export type Announcement = typeof announceSchedule;

/**
 * Schedules `flights` on every date from `from` to `to` that does not have them yet, and announces
 * the new ones (`flight.scheduled` each, unless `announce` says otherwise), in the caller's
 * transaction. A flight already scheduled is never rewritten (an operator may have changed it).
 * Resolves with how many were new.
 */
export async function scheduleDaily(
  manager: EntityManager,
  flights: readonly DailyFlight[],
  from: string,
  to: string,
  announce: Announcement = announceSchedule,
): Promise<number> {
  const column = <K extends keyof DailyFlight>(key: K) => flights.map((flight) => flight[key]);
  const scheduled: ScheduleRow[] = await manager.query(
    `INSERT INTO flights (flight_number, flight_date, origin, destination, departs_at, arrives_at,
                          capacity)
     SELECT daily.flight_number, day::date, daily.origin, daily.destination,
            (day::date + daily.departs) AT TIME ZONE 'UTC',
            (day::date + daily.departs) AT TIME ZONE 'UTC' + make_interval(mins => daily.minutes),
            daily.capacity
       FROM unnest($3::text[], $4::text[], $5::text[], $6::time[], $7::int[], $8::int[])
            AS daily(flight_number, origin, destination, departs, minutes, capacity)
      CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS day
      ORDER BY day, daily.flight_number
     ON CONFLICT (flight_number, flight_date) DO NOTHING
     RETURNING ${SCHEDULE_COLUMNS}`,
    [
      from,
      to,
      column('flightNumber'),
      column('origin'),
      column('destination'),
      column('departs'),
      column('minutes'),
      column('capacity'),
    ],
  );
  await announce(new OutboxWriter(), manager, scheduled);
  return scheduled.length;
}
