import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { BookFlight } from './book-flight.service';
import { BookingReader } from './booking-reader';
import { BookingsController } from './bookings.controller';
import { CancelBooking } from './cancel-booking.service';
import { CheckinBooking } from './checkin-booking.service';
import { FareCheck } from './fare-check';

@Module({
  imports: [InventoryModule],
  controllers: [BookingsController],
  providers: [FareCheck, BookingReader, BookFlight, CancelBooking, CheckinBooking],
  exports: [BookFlight, BookingReader],
})
export class BookingsModule {}
