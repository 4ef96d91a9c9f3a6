import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fromBookDate, IsAirportCode, IsIsoDate, IsTodayOrLater } from '@pss/platform';
import { Transform, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_PASSENGERS } from './flight-search.query';

/** The book's search body: `{"origin":"NYC","destination":"SFO","flightDate":"22-JAN-16"}`. */
export class BookSearchRequest {
  @ApiProperty({ example: 'NYC' }) @IsAirportCode('origin') origin!: string;
  @ApiProperty({ example: 'SFO' }) @IsAirportCode('destination') destination!: string;

  @ApiProperty({ example: '2026-12-01', description: "YYYY-MM-DD, or the book's 01-DEC-26" })
  @IsTodayOrLater('flightDate')
  @IsIsoDate('flightDate')
  @Transform(({ value }) => fromBookDate(value))
  flightDate!: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PASSENGERS, default: 1 })
  @Max(MAX_PASSENGERS, { message: `passengers must be at most ${MAX_PASSENGERS}` })
  @Min(1, { message: 'passengers must be at least 1' })
  @IsInt({ message: 'passengers must be a whole number' })
  @Type(() => Number)
  passengers = 1;
}
