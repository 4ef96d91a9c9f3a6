import { ApiProperty } from '@nestjs/swagger';
import { IsAirportCode, IsPersonName, MoneyInput } from '@pss/contracts';
import { IsIsoDate, IsTodayOrLater } from '@pss/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  Matches,
  ValidateNested,
} from 'class-validator';

export const GENDERS = ['Male', 'Female', 'Unspecified'] as const;
export const MAX_PASSENGERS = 9;
const NAME = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

export class PassengerInput {
  @ApiProperty({ example: 'Gavin' })
  @Matches(NAME, { message: 'firstName must be letters, spaces, hyphens or apostrophes' })
  @IsPersonName('firstName')
  firstName!: string;

  @ApiProperty({ example: 'Franc' })
  @Matches(NAME, { message: 'lastName must be letters, spaces, hyphens or apostrophes' })
  @IsPersonName('lastName')
  lastName!: string;

  @ApiProperty({ enum: GENDERS, example: 'Male' })
  @IsIn(GENDERS, { message: `gender must be one of ${GENDERS.join(', ')}` })
  gender!: (typeof GENDERS)[number];
}

/** `POST /bookings`: the flight, the fare the client was quoted, and 1 to 9 passengers. */
export class CreateBookingRequest {
  @ApiProperty({ example: 'BF101' })
  @Matches(/^[A-Z0-9]{2}\d{1,4}$/, {
    message: 'flightNumber must be an airline code and 1 to 4 digits, such as BF101',
  })
  @IsDefined({ message: 'flightNumber is required' })
  flightNumber!: string;

  @ApiProperty({ example: 'NYC' }) @IsAirportCode('origin') origin!: string;
  @ApiProperty({ example: 'SFO' }) @IsAirportCode('destination') destination!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsTodayOrLater('flightDate')
  @IsIsoDate('flightDate')
  flightDate!: string;

  @ApiProperty({ type: MoneyInput, description: 'The fare the client was quoted, per passenger' })
  @ValidateNested()
  @Type(() => MoneyInput)
  @IsDefined({ message: 'fare is required' })
  fare!: MoneyInput;

  @ApiProperty({ type: [PassengerInput], minItems: 1, maxItems: MAX_PASSENGERS })
  @ValidateNested({ each: true })
  @Type(() => PassengerInput)
  @ArrayMaxSize(MAX_PASSENGERS, { message: `passengers must be at most ${MAX_PASSENGERS}` })
  @ArrayMinSize(1, { message: 'passengers must name at least one passenger' })
  @IsArray({ message: 'passengers must be a list' })
  passengers!: PassengerInput[];
}
