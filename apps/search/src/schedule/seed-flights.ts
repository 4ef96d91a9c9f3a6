import type { DataSource } from 'typeorm';
import {
  REFERENCE_AIRCRAFT_SEATS,
  REFERENCE_CURRENCY,
  DEFAULT_SAFETY_BUFFER,
  REFERENCE_SCHEDULE,
  seedWindow,
} from '@pss/contracts';

/**
 * Seats for sale on a seeded flight before any booking: the aircraft less booking's default safety
 * buffer. Booking's events replace it with booking's own figure.
 */
const SEEDED_SEATS = REFERENCE_AIRCRAFT_SEATS - DEFAULT_SAFETY_BUFFER;

/**
 * Upserts the reference schedule for every date of the rolling window, in one statement. Running it
 * again changes nothing; a later day extends the window. Routes and times are reference data and
 * are corrected; a new flight starts at the reference fare (version 0), and from then on fares and
 * seats follow fares' and booking's events and are never touched here.
 */
export async function seedFlights(dataSource: DataSource, today = new Date()): Promise<void> {
  const { from, to } = seedWindow(today);
  const column = <K extends keyof (typeof REFERENCE_SCHEDULE)[number]>(key: K) =>
    REFERENCE_SCHEDULE.map((flight) => flight[key]);
  await dataSource.query(
    `INSERT INTO flights (flight_number, flight_date, origin, destination, departs_at, arrives_at,
                          fare_amount, fare_currency, seats_available)
     SELECT reference.flight_number, day::date, reference.origin, reference.destination,
            (day::date + reference.departs) AT TIME ZONE 'UTC',
            (day::date + reference.departs) AT TIME ZONE 'UTC' + make_interval(mins => reference.minutes),
            reference.fare, $3, $4
       FROM unnest($5::text[], $6::text[], $7::text[], $8::time[], $9::int[], $10::numeric[])
            AS reference(flight_number, origin, destination, departs, minutes, fare)
      CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS day
     ON CONFLICT (flight_number, flight_date) DO UPDATE
        SET origin = EXCLUDED.origin, destination = EXCLUDED.destination,
            departs_at = EXCLUDED.departs_at, arrives_at = EXCLUDED.arrives_at
      WHERE (flights.origin, flights.destination, flights.departs_at, flights.arrives_at)
            IS DISTINCT FROM (EXCLUDED.origin, EXCLUDED.destination, EXCLUDED.departs_at,
             EXCLUDED.arrives_at)`,
    [
      from,
      to,
      REFERENCE_CURRENCY,
      SEEDED_SEATS,
      column('flightNumber'),
      column('origin'),
      column('destination'),
      column('departs'),
      column('minutes'),
      column('fare'),
    ],
  );
}
