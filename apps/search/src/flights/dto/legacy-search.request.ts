import { ApiProperty, PickType } from '@nestjs/swagger';
import { fromLegacyDate } from '@pss/contracts';
import { IsIsoDate, IsTodayOrLater } from '@pss/platform';
import { Transform } from 'class-transformer';
import { FlightSearchQuery } from './flight-search.query';

/** The book's search body: `{"origin":"NYC","destination":"SFO","flightDate":"22-JAN-16"}`. */
export class LegacySearchRequest extends PickType(FlightSearchQuery, [
  'origin',
  'destination',
  'passengers',
]) {
  @ApiProperty({ example: '2026-12-01', description: "YYYY-MM-DD, or the book's 01-DEC-26" })
  @IsTodayOrLater('flightDate')
  @IsIsoDate('flightDate')
  @Transform(({ value }) => fromLegacyDate(value))
  flightDate!: string;
}
