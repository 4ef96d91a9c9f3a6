import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { queryPrepared, type PreparedStatement } from '@pss/platform';
import { DataSource } from 'typeorm';
import {
  BOOKING_RESPONSE_COLUMNS,
  BookingReader,
  bookingResponseOf,
  type BookingRow,
} from './booking-reader';
import type { BookingResponse } from './dto/booking.response';

// The usual case in one statement: the move, and the booking as it answers.
export const MOVE_TO_CHECKED_IN: PreparedStatement = {
  name: 'move_to_checked_in',
  text: `
    WITH booking AS (
      UPDATE bookings SET status = 'CHECKED_IN', checkin_id = $2, checkin_unconfirmed_since = now()
       WHERE id = $1 AND status = 'CONFIRMED'
      RETURNING *)
    SELECT ${BOOKING_RESPONSE_COLUMNS} FROM booking`,
};

// Only the agreement to this check-in is withdrawn: a cancelled booking, or one checked in by
// another check-in, stays as it is.
const WITHDRAW_CHECKIN: PreparedStatement = {
  name: 'withdraw_checkin',
  text: `UPDATE bookings SET status = 'CONFIRMED', checkin_id = NULL, checkin_unconfirmed_since = NULL
          WHERE id = $1 AND status = 'CHECKED_IN' AND checkin_id = $2 RETURNING id`,
};

/**
 * Moves a CONFIRMED booking to CHECKED_IN for one check-in, before the check-in service hands out
 * boarding passes: booking owns the status, so a cancel and a check-in of one booking meet here, on
 * the booking's row lock, and only one of them wins. Asked again for the same check-in, it agrees
 * again (check-in retries after a failure); for another check-in, or a cancelled booking, 409.
 * No event: nobody reads the move from booking (check-in publishes `checkin.completed` itself).
 * The move stays unconfirmed until that event arrives (CheckedInProjection): check-in settles a
 * move it never confirms (UnconfirmedCheckins).
 */
@Injectable()
export class CheckinBooking {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: BookingReader,
  ) {}

  async checkIn(id: string, checkin: string): Promise<BookingResponse> {
    const checkinId = checkin.toLowerCase();
    const [moved] = await queryPrepared<BookingRow>(this.dataSource.manager, MOVE_TO_CHECKED_IN, [
      id,
      checkinId,
    ]);
    if (moved) return bookingResponseOf(moved);
    // Not CONFIRMED: cancelled, checked in (by this check-in or another) or unknown, each for good.
    const [booking] = await this.dataSource.query(
      `SELECT status, checkin_id AS "checkinId" FROM bookings WHERE id = $1`,
      [id],
    );
    if (!booking) throw new NotFoundException(`No booking ${id}`);
    if (booking.status === 'CANCELLED') throw new ConflictException(`Booking ${id} is cancelled`);
    if (booking.checkinId !== checkinId) throw new ConflictException(`Booking ${id} is already checked in`);
    return this.reader.byId(id);
  }

  /**
   * Takes back the move to CHECKED_IN for check-in `checkin`, which check-in asks for when it
   * refused the check-in after booking agreed (a wanted seat taken in the meantime): the booking is
   * CONFIRMED again, cancellable. Check-in asks under its lock on the booking, so the check-in it
   * withdraws cannot be committed meanwhile. Safe to repeat; anything else is left as it is.
   */
  async withdrawCheckIn(id: string, checkin: string): Promise<void> {
    const [withdrawn] = await queryPrepared(this.dataSource.manager, WITHDRAW_CHECKIN, [
      id,
      checkin.toLowerCase(),
    ]);
    if (withdrawn) return;
    const [booking] = await this.dataSource.query('SELECT 1 FROM bookings WHERE id = $1', [id]);
    if (!booking) throw new NotFoundException(`No booking ${id}`);
  }
}
