import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AIRPORT_CODE, IsAirportCode } from '@pss/contracts';
import { IsIsoDate, IsTodayOrLater } from '@pss/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MAX_PASSENGERS = 9;

/** `GET /flights?origin=NYC&destination=SFO&date=YYYY-MM-DD&passengers=2` */
export class FlightSearchQuery {
  @ApiProperty({ example: 'NYC', pattern: AIRPORT_CODE.source })
  @IsAirportCode('origin')
  origin!: string;

  @ApiProperty({ example: 'SFO', pattern: AIRPORT_CODE.source })
  @IsAirportCode('destination')
  destination!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date', description: 'Today (UTC) or later' })
  @IsTodayOrLater('date')
  @IsIsoDate('date')
  date!: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PASSENGERS, default: 1 })
  @Max(MAX_PASSENGERS, { message: `passengers must be at most ${MAX_PASSENGERS}` })
  @Min(1, { message: 'passengers must be at least 1' })
  @IsInt({ message: 'passengers must be a whole number' })
  @Type(() => Number)
  passengers = 1;
}
