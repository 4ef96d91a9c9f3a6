import { REFERENCE_AIRCRAFT_SEATS, REFERENCE_SCHEDULE, seedWindow } from '@pss/contracts';
import type { DataSource } from 'typeorm';

/**
 * An inventory for each of the book's flights on every date of the rolling window, in one
 * statement. Existing inventories are left as they are (their seats are sold or not); a later day
 * extends the window.
 */
export async function seedInventory(dataSource: DataSource, today = new Date()): Promise<void> {
  const { from, to } = seedWindow(today);
  await dataSource.query(
    `INSERT INTO inventories (flight_number, flight_date, origin, destination, capacity)
     SELECT book.flight_number, day::date, book.origin, book.destination, $3
       FROM unnest($4::text[], $5::text[], $6::text[]) AS book(flight_number, origin, destination)
      CROSS JOIN generate_series($1::date, $2::date, interval '1 day') AS day
     ON CONFLICT (flight_number, flight_date) DO NOTHING`,
    [
      from,
      to,
      REFERENCE_AIRCRAFT_SEATS,
      REFERENCE_SCHEDULE.map((flight) => flight.flightNumber),
      REFERENCE_SCHEDULE.map((flight) => flight.origin),
      REFERENCE_SCHEDULE.map((flight) => flight.destination),
    ],
  );
}
