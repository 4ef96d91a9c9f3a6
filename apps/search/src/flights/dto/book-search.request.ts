import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, IsTodayOrLater } from '@pss/platform';
import { Transform, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsAirportCode, MAX_PASSENGERS } from './flight-search.query';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const BOOK_DATE = /^(\d{2})-([A-Z]{3})-(\d{2})$/;

/** The book's dates (`22-JAN-16`) as YYYY-MM-DD; anything else is left for validation to judge. */
export function fromBookDate(value: unknown): unknown {
  const match = typeof value === 'string' ? BOOK_DATE.exec(value.toUpperCase()) : null;
  const month = match ? MONTHS.indexOf(match[2]) + 1 : 0;
  if (!match || month === 0) return value;
  return `20${match[3]}-${String(month).padStart(2, '0')}-${match[1]}`;
}

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
