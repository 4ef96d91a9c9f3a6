import { ApiProperty } from '@nestjs/swagger';
import {
  bookingStatuses,
  type BookingStatus,
  type BookingSummary,
  type Money,
  MoneyInput,
} from '@pss/contracts';
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
}
