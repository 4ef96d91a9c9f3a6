import { ApiProperty } from '@nestjs/swagger';
import { IsAirportCode } from '@pss/contracts';
import { IsIsoDate } from '@pss/platform';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';

export const FLIGHT_NUMBER = /^[A-Z0-9]{2}\d{1,4}$/;

export class ScheduledFlightParams {
  @ApiProperty({ example: 'BF107' })
  @Matches(FLIGHT_NUMBER, {
    message: 'flightNumber must be an airline code and 1 to 4 digits, such as BF107',
  })
  flightNumber!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsIsoDate('date')
  date!: string;
}

/**
 * A flight to add to the schedule, or to correct. Its fare is not search's to set: it comes from
 * fares' events, and a flight is shown once it has one.
 */
export class ScheduledFlightRequest {
  @ApiProperty({ example: 'BOS' }) @IsAirportCode('origin') origin!: string;
  @ApiProperty({ example: 'SFO' }) @IsAirportCode('destination') destination!: string;

  @ApiProperty({ example: '2026-12-01T12:00:00Z', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'departureTime must be an ISO 8601 date and time' })
  departureTime!: string;

  @ApiProperty({ example: '2026-12-01T18:30:00Z', format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'arrivalTime must be an ISO 8601 date and time' })
  arrivalTime!: string;

  @ApiProperty({
    example: 100,
    description: 'Seats on the aircraft; booking sells them less its safety buffer, check-in maps them',
  })
  @Max(1_000, { message: 'capacity must be at most 1000' })
  @Min(1, { message: 'capacity must be at least 1' })
  @IsInt({ message: 'capacity must be a whole number' })
  capacity!: number;
}
