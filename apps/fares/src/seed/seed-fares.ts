import type { DataSource } from 'typeorm';
import { REFERENCE_CURRENCY, REFERENCE_SCHEDULE, seedWindow } from '@pss/contracts';

/**
 * Upserts the book's fares (the schedule the services share) for every date of the rolling window, in one statement. Running it
 * again changes nothing (rows already right are not even rewritten); a later day extends the window.
 */
export async function seedFares(dataSource: DataSource, today = new Date()): Promise<void> {
  const { from, to } = seedWindow(today);
  await dataSource.query(
    `INSERT INTO fares (flight_number, flight_date, amount, currency)
     SELECT book.flight_number, day::date, book.amount, $3
       FROM unnest($4::text[], $5::numeric[]) AS book(flight_number, amount)
      CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS day
     ON CONFLICT (flight_number, flight_date) DO UPDATE
        SET amount = EXCLUDED.amount, currency = EXCLUDED.currency
      WHERE (fares.amount, fares.currency) IS DISTINCT FROM (EXCLUDED.amount, EXCLUDED.currency)`,
    [
      from,
      to,
      REFERENCE_CURRENCY,
      REFERENCE_SCHEDULE.map((flight) => flight.flightNumber),
      REFERENCE_SCHEDULE.map((flight) => flight.fare),
    ],
  );
}
