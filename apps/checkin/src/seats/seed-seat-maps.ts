import { REFERENCE_SCHEDULE } from '@pss/contracts';
import type { DataSource } from 'typeorm';

/** The cabin of the book's flights, and of any flight not given another: 30 rows of A to F (the book's check-ins sat passengers in row 28). */
export const DEFAULT_AIRCRAFT = { code: 'A320', seatRows: 30, seatLetters: 'ABCDEF' } as const;

/** The default aircraft type, and the book's flights on it. Idempotent. */
export async function seedSeatMaps(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO aircraft_types (code, seat_rows, seat_letters) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
    [DEFAULT_AIRCRAFT.code, DEFAULT_AIRCRAFT.seatRows, DEFAULT_AIRCRAFT.seatLetters],
  );
  await dataSource.query(
    `INSERT INTO flight_aircraft (flight_number, aircraft_type) SELECT unnest($1::text[]), $2
     ON CONFLICT (flight_number) DO NOTHING`,
    [REFERENCE_SCHEDULE.map((flight) => flight.flightNumber), DEFAULT_AIRCRAFT.code],
  );
}
