import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '@pss/platform';
import { IsDefined, Matches } from 'class-validator';

export const FLIGHT_NUMBER_PATTERN = /^BF\d{3,4}$/;

/** With stopAtFirstError, the decorator nearest the property is checked first. */
export class FareQuery {
  @ApiProperty({ example: 'BF101', pattern: FLIGHT_NUMBER_PATTERN.source })
  @Matches(FLIGHT_NUMBER_PATTERN, { message: 'flightNumber must look like BF101 (BF and 3 or 4 digits)' })
  @IsDefined({ message: 'flightNumber is required' })
  flightNumber!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsIsoDate('flightDate')
  flightDate!: string;
}
