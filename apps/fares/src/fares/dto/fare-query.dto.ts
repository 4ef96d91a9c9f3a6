import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsISO8601, Matches } from 'class-validator';

export const FLIGHT_NUMBER_PATTERN = /^BF\d{3,4}$/;
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** With stopAtFirstError, the decorator nearest the property is checked first. */
export class FareQuery {
  @ApiProperty({ example: 'BF101', pattern: FLIGHT_NUMBER_PATTERN.source })
  @Matches(FLIGHT_NUMBER_PATTERN, { message: 'flightNumber must look like BF101 (BF and 3 or 4 digits)' })
  @IsDefined({ message: 'flightNumber is required' })
  flightNumber!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsISO8601({ strict: true }, { message: 'flightDate must be a real calendar date' })
  @Matches(ISO_DATE_PATTERN, { message: 'flightDate must be a date as YYYY-MM-DD' })
  @IsDefined({ message: 'flightDate is required' })
  flightDate!: string;
}
