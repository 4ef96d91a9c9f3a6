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

/**
 * What marks the scripts' writes as pgbench's, for a bench to take out before services act on
 * them: the aggregate of the events they write to the outboxes (not events a consumer could apply),
 * and the request hash of the bookings they write (whose check-in no check-in will confirm).
 */
export const PGBENCH_MARKS = { aggregate: 'bench', requestHash: '0'.repeat(64) } as const;

/** The sequence the booking scripts draw references from (run once before them). */
export const BOOKING_REFERENCES = 'CREATE SEQUENCE IF NOT EXISTS bench_reference START 1048576';

/**
 * Booking's statements for one passenger on one of `flights` on one of `days` days from `firstDay`
 * days ahead (tomorrow unless said): with
 * `idempotencyKey`, the request's key looked up (a new one: no booking); one statement taking the
 * seat and writing the booking (with its key), its passenger and the outbox row. With `checkIn`,
 * then check-in's two calls to booking: the booking read with its passengers, and moved to
 * CHECKED_IN by one UPDATE that returns it. The id comes back from the first statement (`\gset`), as the service has it in hand:
 * a volatile function in a WHERE clause (`currval`, `gen_random_uuid`) is evaluated for every row,
 * so no index serves it and the statement slows as the table grows (check-in's look-up: 5.5 ms at
 * 2,400 rows); one drawn in a subquery is evaluated once. Run it prepared (`prepared: true`), as
 * booking prepares these statements (ADR 0020): the id is then a parameter, `:booking_id::uuid`.
 */
export function bookingTransaction(
  flights: readonly string[],
  days: number,
  { idempotencyKey = false, checkIn = false, firstDay = 1 } = {},
): string {
  const flight = pick(flights, 'flight');
  const lookUpKey = idempotencyKey
    ? 'SELECT id, request_hash FROM bookings WHERE idempotency_key = (SELECT gen_random_uuid()::text);'
    : '';
  const key = idempotencyKey ? `gen_random_uuid()::text, '${PGBENCH_MARKS.requestHash}'` : 'NULL, NULL';
  const book = `
\\set flight random(1, ${flights.length})
\\set day random(${firstDay}, ${firstDay + days - 1})
${lookUpKey}
WITH seats AS (
  UPDATE inventories SET seats_sold = seats_sold + 1, version = version + 1
   WHERE flight_number = ${flight} AND flight_date = current_date + :day::int AND capacity - 5 - seats_sold >= 1
  RETURNING flight_number, flight_date, origin, destination, GREATEST(capacity - 5 - seats_sold, 0) AS remaining, version),
booking AS (
  INSERT INTO bookings (id, reference, flight_number, origin, destination, flight_date, fare_amount, fare_currency,
                        status, idempotency_key, request_hash)
  SELECT gen_random_uuid(), lpad(to_hex(nextval('bench_reference')), 6, '0'), flight_number, origin, destination,
         flight_date, 101.00, 'USD', 'CONFIRMED', ${key} FROM seats
  RETURNING id, reference, created_at),
passenger AS (
  INSERT INTO passengers (booking_id, position, first_name, last_name, gender)
  SELECT id, 1, 'Bench', 'Passenger', 'Unspecified' FROM booking),
event AS (
  INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
  SELECT gen_random_uuid(), 'booking.confirmed', '${PGBENCH_MARKS.aggregate}',
         jsonb_build_object('id', gen_random_uuid(), 'type', 'booking.confirmed', 'occurredAt', now(),
           'payload', jsonb_build_object('seats', 1, 'remainingSeats', seats.remaining, 'inventoryVersion', seats.version))
    FROM seats, booking)
SELECT booking.id AS booking_id, booking.reference, booking.created_at FROM seats, booking \\gset`;
  const checkin = `
SELECT ${BOOKING_COLUMNS} FROM bookings booking WHERE booking.id = :booking_id::uuid;
WITH booking AS (
  UPDATE bookings SET status = 'CHECKED_IN', checkin_id = gen_random_uuid(), checkin_unconfirmed_since = now()
   WHERE id = :booking_id::uuid AND status = 'CONFIRMED' RETURNING *)
SELECT ${BOOKING_COLUMNS} FROM booking;`;
  return checkIn ? book + checkin : book;
}

// A booking as booking answers it, its passengers in order.
const BOOKING_COLUMNS = `booking.id, booking.reference, booking.status, booking.flight_number, booking.origin,
  booking.destination, booking.flight_date::text, booking.fare_amount::text, booking.fare_currency,
  (SELECT json_agg(json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'gender', p.gender)
                   ORDER BY p.position) FROM passengers p WHERE p.booking_id = booking.id),
  booking.created_at`;

// A check-in as check-in answers it, its boarding passes in order; then a flight's seats and those taken.
const CHECKIN_BY_BOOKING = `SELECT checkin.*, (SELECT json_agg(json_build_object('seat', pass.seat,
  'firstName', pass.first_name, 'lastName', pass.last_name, 'boardingReference', pass.boarding_reference)
  ORDER BY pass.position) FROM boarding_passes pass WHERE pass.checkin_id = checkin.id)
  FROM checkins checkin WHERE checkin.booking_id = (SELECT gen_random_uuid());`;

const seatsOf = (flight: string) => `SELECT flight.capacity, ARRAY(SELECT pass.seat FROM boarding_passes pass
  WHERE pass.flight_number = flight.flight_number AND pass.flight_date = flight.flight_date)
  FROM scheduled_flights flight WHERE flight.flight_number = ${flight} AND flight.flight_date = current_date + :day::int;`;

/**
 * Check-in's share of one passenger's check-in on one of `flights` on one of the next `days` days:
 * the earlier check-in looked up (by an id drawn once per statement, in a subquery, so that the
 * unique index serves it as it serves the service's parameter) and the seat map read with its
 * taken seats, then in one transaction under the booking's lock and the flight's the same two reads
 * again and one statement writing the check-in, its boarding pass and the outbox row.
 */
export function checkinTransaction(flights: readonly string[], days: number): string {
  const flight = pick(flights, 'flight');
  return `
\\set flight random(1, ${flights.length})
\\set day random(1, ${days})
${CHECKIN_BY_BOOKING}
${seatsOf(flight)}
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('checkin.booking'), hashtext(gen_random_uuid()::text));
SELECT pg_advisory_xact_lock(hashtext('checkin:' || ${flight} || '/' || (current_date + :day::int)));
${CHECKIN_BY_BOOKING}
${seatsOf(flight)}
WITH checkin AS (
  INSERT INTO checkins (id, booking_id, booking_reference, flight_number, flight_date)
  VALUES (gen_random_uuid(), gen_random_uuid(), 'BENCH1', ${flight}, current_date + :day::int)
  RETURNING id, created_at),
pass AS (
  INSERT INTO boarding_passes (checkin_id, position, first_name, last_name, flight_number, flight_date, seat, boarding_reference)
  SELECT id, 1, 'Bench', 'Passenger', ${flight}, current_date + :day::int,
         to_hex(nextval('bench_seat')), lpad(to_hex(nextval('bench_seat')), 8, '0') FROM checkin),
event AS (
  INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
  SELECT gen_random_uuid(), 'checkin.completed', '${PGBENCH_MARKS.aggregate}',
         jsonb_build_object('id', gen_random_uuid(), 'type', 'checkin.completed', 'occurredAt', now()) FROM checkin)
SELECT created_at FROM checkin;
COMMIT;`;
}

/** The sequence the check-in script draws seats and boarding references from (run once before it). */
export const CHECKIN_SEATS = 'CREATE SEQUENCE IF NOT EXISTS bench_seat START 4096';
