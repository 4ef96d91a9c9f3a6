// The SQL a passenger's journey makes each service's database run, as pgbench scripts: the floor
// that the services' own figures are set beside. Each names its random choices with `\set`.

/**
 * `(ARRAY[...]::type[])[n]` of `values`, picked by the pgbench variable `variable` (1-based). The
 * array takes its column's type: a `text` value against a `character(3)` column makes PostgreSQL
 * compare the column as text, which no index on it serves (search's query then scanned a whole
 * day's flights instead of its route's, and measured a floor many times too low).
 */
const pick = (values: readonly string[], variable: string, type: 'text' | 'bpchar' = 'text') =>
  `(ARRAY['${values.join("','")}']::${type}[])[:${variable}::int]`;

export interface Route {
  origin: string;
  destination: string;
}

/** Search's query for flights on one of `routes` on one of the next `days` days. */
export function searchQuery(routes: readonly Route[], days: number): string {
  // origin and destination are character(3) columns.
  const origin = pick(
    routes.map((route) => route.origin),
    'route',
    'bpchar',
  );
  const destination = pick(
    routes.map((route) => route.destination),
    'route',
    'bpchar',
  );
  return [
    `\\set route random(1, ${routes.length})`,
    `\\set day random(1, ${days})`,
    `SELECT flight_number, origin, destination, flight_date, departs_at, arrives_at, fare_amount, fare_currency, seats_available
       FROM flights WHERE origin = ${origin} AND destination = ${destination}
        AND flight_date = current_date + :day::int AND fare_amount IS NOT NULL
        AND seats_available IS NOT NULL ORDER BY departs_at;`.replace(/\s+/g, ' '),
  ].join('\n');
}

/** The sequence the booking scripts draw references from (run once before them). */
export const BOOKING_REFERENCES = 'CREATE SEQUENCE IF NOT EXISTS bench_reference START 1048576';

/**
 * Booking's transaction for one passenger on one of `flights` on one of the next `days` days: the
 * booking, its passenger, the seat, the outbox row. With `checkIn`, then check-in's call to booking
 * in a second transaction: the booking locked by its id, moved to CHECKED_IN, read back. The id
 * comes back from the first transaction (`\gset`), as the service has it in hand: a volatile
 * function in a WHERE clause (`currval`, `gen_random_uuid`) is evaluated for every row, so no index
 * serves it and the statement slows as the table grows (check-in's look-up: 5.5 ms at 2,400
 * rows). Run it in simple query mode (`prepared: false`): pgbench then puts the id inside the
 * quotes of `':booking_id'`.
 */
export function bookingTransaction(flights: readonly string[], days: number, checkIn = false): string {
  const flight = pick(flights, 'flight');
  const book = `
\\set flight random(1, ${flights.length})
\\set day random(1, ${days})
BEGIN;
WITH booking AS (
  INSERT INTO bookings (id, reference, flight_number, origin, destination, flight_date, fare_amount, fare_currency, status)
  SELECT gen_random_uuid(), lpad(to_hex(nextval('bench_reference')), 6, '0'), flight_number, origin, destination,
         flight_date, 101.00, 'USD', 'CONFIRMED'
    FROM inventories WHERE flight_number = ${flight} AND flight_date = current_date + :day::int
  RETURNING id)
INSERT INTO passengers (booking_id, position, first_name, last_name, gender)
  SELECT id, 1, 'Bench', 'Passenger', 'Unspecified' FROM booking RETURNING booking_id \\gset
UPDATE inventories SET seats_sold = seats_sold + 1, version = version + 1
 WHERE flight_number = ${flight} AND flight_date = current_date + :day::int AND capacity - 5 - seats_sold >= 1
 RETURNING capacity - 5 - seats_sold AS remaining, version \\gset inventory_
INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
  SELECT gen_random_uuid(), 'booking.confirmed', 'bench',
         json_build_object('id', gen_random_uuid(), 'type', 'booking.confirmed', 'occurredAt', now(),
           'payload', json_build_object('seats', 1, 'remainingSeats', :inventory_remaining, 'inventoryVersion', :inventory_version));
COMMIT;`;
  const checkin = `
BEGIN;
SELECT status FROM bookings WHERE id = ':booking_id' FOR UPDATE;
UPDATE bookings SET status = 'CHECKED_IN', checkin_id = gen_random_uuid() WHERE id = ':booking_id';
SELECT b.*, p.* FROM bookings b JOIN passengers p ON p.booking_id = b.id WHERE b.id = ':booking_id';
COMMIT;`;
  return checkIn ? book + checkin : book;
}

/**
 * Check-in's share of one passenger's check-in on one of `flights` on one of the next `days` days:
 * the earlier check-in looked up (by an id drawn once per statement, in a subquery, so that the
 * unique index serves it as it serves the service's parameter), the seat map read, then in one
 * transaction under the flight's lock the seats read again, the check-in, its boarding pass and
 * the outbox row written.
 */
export function checkinTransaction(flights: readonly string[], days: number): string {
  const flight = pick(flights, 'flight');
  return `
\\set flight random(1, ${flights.length})
\\set day random(1, ${days})
SELECT id FROM checkins WHERE booking_id = (SELECT gen_random_uuid());
SELECT capacity FROM scheduled_flights WHERE flight_number = ${flight} AND flight_date = current_date + :day::int;
SELECT seat FROM boarding_passes WHERE flight_number = ${flight} AND flight_date = current_date + :day::int;
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('checkin:' || ${flight} || '/' || (current_date + :day::int)));
SELECT seat FROM boarding_passes WHERE flight_number = ${flight} AND flight_date = current_date + :day::int;
WITH checkin AS (
  INSERT INTO checkins (id, booking_id, booking_reference, flight_number, flight_date)
  VALUES (gen_random_uuid(), gen_random_uuid(), 'BENCH1', ${flight}, current_date + :day::int)
  RETURNING id)
INSERT INTO boarding_passes (checkin_id, position, first_name, last_name, flight_number, flight_date, seat, boarding_reference)
  SELECT id, 1, 'Bench', 'Passenger', ${flight}, current_date + :day::int,
         to_hex(nextval('bench_seat')), lpad(to_hex(nextval('bench_seat')), 8, '0') FROM checkin;
INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
  VALUES (gen_random_uuid(), 'checkin.completed', 'bench',
          json_build_object('id', gen_random_uuid(), 'type', 'checkin.completed', 'occurredAt', now()));
COMMIT;`;
}

/** The sequence the check-in script draws seats and boarding references from (run once before it). */
export const CHECKIN_SEATS = 'CREATE SEQUENCE IF NOT EXISTS bench_seat START 4096';
