import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { SEAT } from '../checkins/dto/create-checkin.request';

/**
 * The book's check-in body, one passenger of a booking: `{"lastName":"Franc","firstName":"Gean",
 * "seatNumber":"28A","flightNumber":"BF101","flightDate":"22-JAN-16","bookingId":…}`. The flight
 * is the booking's; only the booking, the passenger and the seat matter here.
 */
export class BookCheckinRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'bookingId must be a booking id (a UUID)' })
  bookingId!: string;

  @ApiProperty({ example: 'Gean' })
  @Length(1, 60, { message: 'firstName must be 1 to 60 characters' })
  @IsDefined({ message: 'firstName is required' })
  firstName!: string;

  @ApiProperty({ example: 'Franc' })
  @Length(1, 60, { message: 'lastName must be 1 to 60 characters' })
  @IsDefined({ message: 'lastName is required' })
  lastName!: string;

  @ApiPropertyOptional({ example: '28A' })
  @IsOptional()
  @Matches(SEAT, { message: 'seatNumber must be a row and a letter, such as 28A' })
  seatNumber?: string;

  @ApiPropertyOptional({ description: "The booking's; ignored" }) @IsOptional() flightNumber?: string;
  @ApiPropertyOptional({ description: "The booking's; ignored" }) @IsOptional() flightDate?: string;
  @ApiPropertyOptional({ description: 'Set by the service; ignored' }) @IsOptional() checkInTime?: string;
}
