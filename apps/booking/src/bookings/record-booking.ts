import { createIntegrationEvent, flightKey, type BookingConfirmedEvent } from '@pss/contracts';
import { outboxInsertSql } from '@pss/messaging';
import { randomCode, type PreparedStatement } from '@pss/platform';
import { randomUUID } from 'node:crypto';
import type { BookingResponse } from './dto/booking.response';
import type { CreateBookingRequest } from './dto/create-booking.request';

/**
 * A booking as one statement, atomic by itself and one round trip: the seats taken by one
 * conditional UPDATE (never read, then written: two bookings can never sell the same seat), the
 * booking, its passengers, and `booking.confirmed` in the outbox with the seats left and the
 * inventory's new version. Without the seats nothing is inserted and no row comes back.
 */
export const RECORD_BOOKING: PreparedStatement = {
  name: 'record_booking',
  text: `
  WITH seats AS (
    UPDATE inventories SET seats_sold = seats_sold + $14, version = version + 1
     WHERE flight_number = $3 AND flight_date = $6 AND origin = $4 AND destination = $5
       AND capacity - $15 - seats_sold >= $14
    RETURNING GREATEST(capacity - $15 - seats_sold, 0) AS remaining, version),
  booking AS (
    INSERT INTO bookings (id, reference, flight_number, origin, destination, flight_date, fare_amount,
                          fare_currency, status, idempotency_key, request_hash)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, 'CONFIRMED', $9, $10 FROM seats
    RETURNING id, reference, created_at),
  passenger AS (
    INSERT INTO passengers (booking_id, position, first_name, last_name, gender)
    SELECT booking.id, p.position, p.first_name, p.last_name, p.gender
      FROM booking, unnest($11::text[], $12::text[], $13::text[]) WITH ORDINALITY AS p(first_name, last_name, gender, position)),
  event AS (${outboxInsertSql({
    eventId: '$16::uuid',
    eventType: "'booking.confirmed'",
    aggregateId: '$17',
    payload: `jsonb_set(jsonb_set($18::jsonb, '{payload,remainingSeats}', to_jsonb(seats.remaining)),
                        '{payload,inventoryVersion}', to_jsonb(seats.version))`,
    from: 'seats, booking',
  })})
  SELECT booking.reference, booking.created_at AS "createdAt" FROM seats, booking`,
};

export interface BookingToRecord {
  id: string;
  reference: string;
  request: CreateBookingRequest;
  idempotency?: { key: string; hash: string };
  safetyBuffer: number;
  /** The event, whose seats left and inventory version the statement fills in. */
  event: BookingConfirmedEvent;
}

export function recordBookingParameters({
  id,
  reference,
  request,
  idempotency,
  safetyBuffer,
  event,
}: BookingToRecord): unknown[] {
  const { flightNumber, origin, destination, flightDate, fare, passengers } = request;
  return [
    id,
    reference,
    flightNumber,
    origin,
    destination,
    flightDate,
    fare.amount,
    fare.currency,
    idempotency?.key ?? null,
    idempotency?.hash ?? null,
    passengers.map((passenger) => passenger.firstName),
    passengers.map((passenger) => passenger.lastName),
    passengers.map((passenger) => passenger.gender),
    passengers.length,
    safetyBuffer,
    event.id,
    flightKey({ flightNumber, flightDate }),
    JSON.stringify(event),
  ];
}

/**
 * A new booking of `request` to record: a new id and reference, and its `booking.confirmed`, whose
 * seats left and inventory version the statement fills in.
 */
export function newBooking(
  request: CreateBookingRequest,
  safetyBuffer: number,
  idempotency?: BookingToRecord['idempotency'],
): BookingToRecord {
  const id = randomUUID();
  const { flightNumber, flightDate, passengers } = request;
  const event = createIntegrationEvent('booking.confirmed', {
    bookingId: id,
    flightNumber,
    flightDate,
    seats: passengers.length,
    remainingSeats: 0,
    inventoryVersion: 0,
  });
  return { id, reference: randomCode(6), request, idempotency, safetyBuffer, event };
}

/** The booking as the API answers it, once RECORD_BOOKING returned its row. */
export function recordedBooking(
  { id, request }: BookingToRecord,
  recorded: { reference: string; createdAt: Date },
): BookingResponse {
  const { flightNumber, origin, destination, flightDate, fare, passengers } = request;
  return {
    id,
    reference: recorded.reference,
    status: 'CONFIRMED',
    flightNumber,
    origin,
    destination,
    flightDate,
    fare: { amount: fare.amount, currency: fare.currency },
    passengers: passengers.map(({ firstName, lastName, gender }) => ({ firstName, lastName, gender })),
    createdAt: recorded.createdAt.toISOString(),
  };
}
