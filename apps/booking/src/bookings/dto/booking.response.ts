import { ApiProperty } from '@nestjs/swagger';
import {
  bookingStatuses,
  type BookingStatus,
  type BookingSummary,
  type Money,
  MoneyInput,
} from '@pss/contracts';
import type { Booking } from '../booking.entity';
import { GENDERS } from './create-booking.request';

class PassengerDocument {
  @ApiProperty({ example: 'Gavin' }) firstName!: string;
  @ApiProperty({ example: 'Franc' }) lastName!: string;
  @ApiProperty({ enum: GENDERS }) gender!: string;
}

export class BookingResponse implements BookingSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'K7M4QX', description: 'What the passenger reads out' }) reference!: string;
  @ApiProperty({ enum: bookingStatuses }) status!: BookingStatus;
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: 'NYC' }) origin!: string;
  @ApiProperty({ example: 'SFO' }) destination!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ type: MoneyInput, description: 'Per passenger' }) fare!: Money;
  @ApiProperty({ type: [PassengerDocument] }) passengers!: PassengerDocument[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(booking: Booking): BookingResponse {
    return {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      flightNumber: booking.flightNumber,
      origin: booking.origin,
      destination: booking.destination,
      flightDate: booking.flightDate,
      fare: { amount: booking.fareAmount, currency: booking.fareCurrency },
      passengers: [...booking.passengers]
        .sort((a, b) => a.position - b.position)
        .map(({ firstName, lastName, gender }) => ({ firstName, lastName, gender })),
      createdAt: booking.createdAt.toISOString(),
    };
  }
}
