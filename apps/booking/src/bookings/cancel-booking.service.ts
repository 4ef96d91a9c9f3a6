import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { createIntegrationEvent, flightKey } from '@pss/contracts';
import { OutboxWriter } from '@pss/messaging';
import { DataSource } from 'typeorm';
import { SeatInventory } from '../inventory/seat-inventory';
import { BookingReader } from './booking-reader';
import type { BookingResponse } from './dto/booking.response';

/**
 * Cancels a confirmed booking: its seats go back on sale and `booking.cancelled` is written to the
 * outbox, in one transaction. Cancelling a cancelled booking changes nothing; a checked-in booking
 * cannot be cancelled.
 */
@Injectable()
export class CancelBooking {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatInventory,
    private readonly outbox: OutboxWriter,
    private readonly reader: BookingReader,
  ) {}

  cancel(id: string): Promise<BookingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [booking] = await manager.query(
        `SELECT status, flight_number AS "flightNumber", flight_date AS "flightDate",
                (SELECT count(*)::int FROM passengers WHERE booking_id = b.id) AS seats
           FROM bookings b WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!booking) throw new NotFoundException(`No booking ${id}`);
      if (booking.status === 'CHECKED_IN')
        throw new ConflictException('A checked-in booking cannot be cancelled');
      if (booking.status === 'CONFIRMED') {
        await manager.query(`UPDATE bookings SET status = 'CANCELLED' WHERE id = $1`, [id]);
        const change = await this.seats.giveBack(
          manager,
          booking.flightNumber,
          booking.flightDate,
          booking.seats,
        );
        const event = createIntegrationEvent('booking.cancelled', {
          bookingId: id,
          flightNumber: booking.flightNumber,
          flightDate: booking.flightDate,
          seats: booking.seats,
          ...change,
        });
        await this.outbox.write(manager, event, flightKey(booking));
      }
      return this.reader.byId(id, manager);
    });
  }
}
