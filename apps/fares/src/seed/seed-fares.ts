import type { DataSource } from 'typeorm';
import { REFERENCE_CURRENCY, REFERENCE_SCHEDULE, seedWindow } from '@pss/contracts';

/**
 * Adds the reference schedule's fares for every date of the rolling window that has none, in one
 * statement. A fare already there is never rewritten: an operator may have changed it (fares owns
 * fares, and a restart must not undo a change). A later day extends the window.
 */
export async function seedFares(dataSource: DataSource, today = new Date()): Promise<void> {
  const { from, to } = seedWindow(today);
  await dataSource.query(
    `INSERT INTO fares (flight_number, flight_date, amount, currency)
     SELECT reference.flight_number, day::date, reference.amount, $3
       FROM unnest($4::text[], $5::numeric[]) AS reference(flight_number, amount)
      CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS day
     ON CONFLICT (flight_number, flight_date) DO NOTHING`,
    [
      from,
      to,
      REFERENCE_CURRENCY,
      REFERENCE_SCHEDULE.map((flight) => flight.flightNumber),
      REFERENCE_SCHEDULE.map((flight) => flight.fare),
    ],
  );
}
