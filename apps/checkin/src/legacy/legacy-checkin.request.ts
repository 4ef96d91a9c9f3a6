import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsPersonName } from '@pss/contracts';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SEAT } from '../checkins/dto/create-checkin.request';

/**
 * The book's check-in body, one passenger of a booking: `{"lastName":"Franc","firstName":"Gean",
 * "seatNumber":"28A","flightNumber":"BF101","flightDate":"22-JAN-16","bookingId":…}`. The flight
 * is the booking's; only the booking, the passenger and the seat matter here.
 */
export class LegacyCheckinRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'bookingId must be a booking id (a UUID)' })
  bookingId!: string;

  @ApiProperty({ example: 'Gean' })
  @IsPersonName('firstName')
  firstName!: string;

  @ApiProperty({ example: 'Franc' })
  @IsPersonName('lastName')
  lastName!: string;

  @ApiPropertyOptional({ example: '28A' })
  @IsOptional()
  @Matches(SEAT, { message: 'seatNumber must be a row and a letter, such as 28A' })
  seatNumber?: string;

  // Ignored, but still checked: whatever a client sends is either validated or refused.
  @ApiPropertyOptional({ description: "The booking's; ignored" })
  @IsOptional()
  @MaxLength(32, { message: 'flightNumber must be at most 32 characters' })
  @IsString({ message: 'flightNumber must be a string' })
  flightNumber?: string;

  @ApiPropertyOptional({ description: "The booking's; ignored" })
  @IsOptional()
  @MaxLength(32, { message: 'flightDate must be at most 32 characters' })
  @IsString({ message: 'flightDate must be a string' })
  flightDate?: string;

  @ApiPropertyOptional({ description: 'Set by the service; ignored' })
  @IsOptional()
  @MaxLength(64, { message: 'checkInTime must be at most 64 characters' })
  @IsString({ message: 'checkInTime must be a string' })
  checkInTime?: string;
}
