import { Module } from '@nestjs/common';
import { BookingConfig } from '../config/booking-config';
import { InventoryController } from '../inventory/inventory.controller';
import { SeatInventory } from '../inventory/seat-inventory';
import { BookFlight } from './book-flight.service';
import { BookingReader } from './booking-reader';
import { BookingsController } from './bookings.controller';
import { CancelBooking } from './cancel-booking.service';
import { CheckinBooking } from './checkin-booking.service';
import { FareCheck } from './fare-check';

@Module({
  controllers: [BookingsController, InventoryController],
  providers: [
    { provide: BookingConfig, useFactory: () => BookingConfig.fromEnvironment() },
    SeatInventory,
    FareCheck,
    BookingReader,
    BookFlight,
    CancelBooking,
    CheckinBooking,
  ],
  exports: [BookFlight, BookingReader],
})
export class BookingsModule {}
