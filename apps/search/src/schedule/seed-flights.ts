import { OutboxWriter } from '@pss/messaging';
import type { DataSource } from 'typeorm';
import { REFERENCE_AIRCRAFT_SEATS, REFERENCE_SCHEDULE, seedWindow } from './reference-schedule';
import { announceSchedule, SCHEDULE_COLUMNS, type ScheduleRow } from './schedule-events';

/**
 * Schedules the book's flights on every date of the rolling window that does not have them yet, and
 * announces each with `flight.scheduled`, in one transaction: fares files their fares, booking
 * opens their inventories and check-in their seat maps from those events. A flight already
 * scheduled is never rewritten (an operator may have changed it); a later day extends the window.
 * A new flight is not shown until fares' `fare.changed` gives it a fare and booking's
 * `booking.inventory-changed` its seats for sale.
 */
export async function seedFlights(dataSource: DataSource, today = new Date()): Promise<void> {
  const { from, to } = seedWindow(today);
  const column = <K extends keyof (typeof REFERENCE_SCHEDULE)[number]>(key: K) =>
    REFERENCE_SCHEDULE.map((flight) => flight[key]);
  await dataSource.transaction(async (manager) => {
    const scheduled: ScheduleRow[] = await manager.query(
      `INSERT INTO flights (flight_number, flight_date, origin, destination, departs_at, arrives_at,
                            capacity)
       SELECT reference.flight_number, day::date, reference.origin, reference.destination,
              (day::date + reference.departs) AT TIME ZONE 'UTC',
              (day::date + reference.departs) AT TIME ZONE 'UTC' + make_interval(mins => reference.minutes),
              $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::time[], $8::int[])
              AS reference(flight_number, origin, destination, departs, minutes)
        CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS day
       ORDER BY day, reference.flight_number
       ON CONFLICT (flight_number, flight_date) DO NOTHING
       RETURNING ${SCHEDULE_COLUMNS}`,
      [
        from,
        to,
        REFERENCE_AIRCRAFT_SEATS,
        column('flightNumber'),
        column('origin'),
        column('destination'),
        column('departs'),
        column('minutes'),
      ],
    );
    await announceSchedule(new OutboxWriter(), manager, scheduled);
  });
}
