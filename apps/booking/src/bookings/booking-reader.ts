import { Injectable, NotFoundException } from '@nestjs/common';
import { queryPrepared, type PreparedStatement } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { BookingResponse } from './dto/booking.response';

/**
 * The columns of a booking as the API answers it, its passengers in order, for a query whose FROM
 * names the booking `booking`: one round trip (TypeORM's findOne with a relation takes two).
 */
export const BOOKING_RESPONSE_COLUMNS = `
  booking.id, booking.reference, booking.status, booking.flight_number AS "flightNumber",
  booking.origin, booking.destination, booking.flight_date::text AS "flightDate",
  json_build_object('amount', booking.fare_amount::text, 'currency', booking.fare_currency) AS fare,
  (SELECT json_agg(json_build_object('firstName', p.first_name, 'lastName', p.last_name,
                                     'gender', p.gender) ORDER BY p.position)
     FROM passengers p WHERE p.booking_id = booking.id) AS passengers,
  booking.created_at AS "createdAt"`;

/** A row of BOOKING_RESPONSE_COLUMNS: the response, its time still a Date. */
export type BookingRow = Omit<BookingResponse, 'createdAt'> & { createdAt: Date };

export const bookingResponseOf = (row: BookingRow): BookingResponse => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

export const BOOKING_BY_ID: PreparedStatement = {
  name: 'booking_by_id',
  text: `SELECT ${BOOKING_RESPONSE_COLUMNS} FROM bookings booking WHERE booking.id = $1`,
};
const BOOKING_BY_REFERENCE: PreparedStatement = {
  name: 'booking_by_reference',
  text: `SELECT ${BOOKING_RESPONSE_COLUMNS} FROM bookings booking WHERE booking.reference = $1`,
};

@Injectable()
export class BookingReader {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<BookingResponse> {
    const [booking] = await queryPrepared<BookingRow>(manager, BOOKING_BY_ID, [id]);
    if (!booking) throw new NotFoundException(`No booking ${id}`);
    return bookingResponseOf(booking);
  }

  /** The booking with this reference, if one of its passengers has this last name (any case). */
  async byReference(reference: string, lastName: string): Promise<BookingResponse> {
    const [booking] = await queryPrepared<BookingRow>(this.dataSource.manager, BOOKING_BY_REFERENCE, [
      reference,
    ]);
    const named = booking?.passengers.some(
      (passenger) => passenger.lastName.toLowerCase() === lastName.toLowerCase(),
    );
    // One answer for both misses: a wrong name must not confirm that the reference exists.
    if (!booking || !named) throw new NotFoundException(`No booking ${reference} for ${lastName}`);
    return bookingResponseOf(booking);
  }
}
