import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BookingReader } from './booking-reader';
import type { BookingResponse } from './dto/booking.response';

/**
 * Moves a CONFIRMED booking to CHECKED_IN for one check-in, before the check-in service hands out
 * boarding passes: booking owns the status, so a cancel and a check-in of one booking meet here, on
 * the booking's row lock, and only one of them wins. Asked again for the same check-in, it agrees
 * again (check-in retries after a failure); for another check-in, or a cancelled booking, 409.
 * No event: nobody reads the move from booking (check-in publishes `checkin.completed` itself).
 */
@Injectable()
export class CheckinBooking {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: BookingReader,
  ) {}

  checkIn(id: string, checkin: string): Promise<BookingResponse> {
    const checkinId = checkin.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const [booking] = await manager.query(
        `SELECT status, checkin_id AS "checkinId" FROM bookings WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!booking) throw new NotFoundException(`No booking ${id}`);
      if (booking.status === 'CANCELLED') throw new ConflictException(`Booking ${id} is cancelled`);
      if (booking.status === 'CHECKED_IN' && booking.checkinId !== checkinId)
        throw new ConflictException(`Booking ${id} is already checked in`);
      if (booking.status === 'CONFIRMED')
        await manager.query(`UPDATE bookings SET status = 'CHECKED_IN', checkin_id = $2 WHERE id = $1`, [
          id,
          checkinId,
        ]);
      return this.reader.byId(id, manager);
    });
  }
}
