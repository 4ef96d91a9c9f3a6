import { flightKey, type BookingSummary, type CheckinCompletedEvent } from '@pss/contracts';
import { outboxInsertSql } from '@pss/messaging';
import { randomCode, type PreparedStatement } from '@pss/platform';
import type { CheckinResponse } from './dto/checkin.response';

type BoardingPass = CheckinResponse['boardingPasses'][number];

/**
 * The lock check-ins of one flight take their turn on until the commit (with the key
 * `flightLockKey` gives), so that picking free seats does not race.
 */
export const FLIGHT_LOCK = 'SELECT pg_advisory_xact_lock(hashtext($1))';
export const flightLockKey = (flight: { flightNumber: string; flightDate: string }): string =>
  `checkin:${flightKey(flight)}`;

// The check-in, its boarding passes and `checkin.completed` in the outbox, in one statement. The
// outbox's rule (a lock every writer of the aggregate takes) holds: the one event of a booking
// is written here, under its flight's lock, once (a booking has one check-in).
export const RECORD_CHECKIN: PreparedStatement = {
  name: 'record_checkin',
  text: `
  WITH checkin AS (
    INSERT INTO checkins (id, booking_id, booking_reference, flight_number, flight_date)
    VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at),
  pass AS (
    INSERT INTO boarding_passes (checkin_id, position, first_name, last_name, flight_number, flight_date,
                                 seat, boarding_reference)
    SELECT checkin.id, p.position, p.first_name, p.last_name, $4, $5, p.seat, p.reference
      FROM checkin, unnest($6::text[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY
           AS p(first_name, last_name, seat, reference, position)),
  event AS (${outboxInsertSql({
    eventId: '$10::uuid',
    eventType: "'checkin.completed'",
    aggregateId: '$11',
    payload: '$12::jsonb',
    from: 'checkin',
  })})
  SELECT created_at AS "createdAt" FROM checkin`,
};

/** RECORD_CHECKIN's parameters: check-in `id` of `booking`, its boarding passes and its event. */
export const recordCheckinParameters = (
  id: string,
  booking: BookingSummary,
  passes: BoardingPass[],
  event: CheckinCompletedEvent,
): unknown[] => [
  id,
  booking.id,
  booking.reference,
  booking.flightNumber,
  booking.flightDate,
  ...(['firstName', 'lastName', 'seat', 'boardingReference'] as const).map((field) =>
    passes.map((pass) => pass[field]),
  ),
  event.id,
  booking.id,
  JSON.stringify(event),
];

/** A boarding pass for each of the booking's passengers, in `seats` (one each, in order). */
export const boardingPassesOf = (
  { flightNumber, flightDate, passengers }: BookingSummary,
  seats: string[],
): BoardingPass[] =>
  passengers.map((passenger, index) => ({
    firstName: passenger.firstName,
    lastName: passenger.lastName,
    flightNumber,
    flightDate,
    seat: seats[index],
    boardingReference: randomCode(8),
  }));

/** Check-in `id` of `booking` as the API answers it, once RECORD_CHECKIN returned its time. */
export const recordedCheckin = (
  id: string,
  { id: bookingId, reference: bookingReference, flightNumber, flightDate }: BookingSummary,
  boardingPasses: BoardingPass[],
  createdAt: Date,
): CheckinResponse => ({
  id,
  bookingId,
  bookingReference,
  flightNumber,
  flightDate,
  boardingPasses,
  createdAt: createdAt.toISOString(),
});
