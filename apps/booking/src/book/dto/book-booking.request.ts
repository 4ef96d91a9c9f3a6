import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOOK_CURRENCY } from '@pss/contracts';
import { fromBookDate, IsAirportCode, IsIsoDate, IsTodayOrLater, MoneyInput } from '@pss/platform';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MAX_PASSENGERS, PassengerInput } from '../../bookings/dto/create-booking.request';

/** The book's fares were bare strings in USD ("101"): as money (a @Transform result skips @Type). */
function fromBookFare({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return plainToInstance(MoneyInput, value);
  const amount = Number.isFinite(Number(value)) ? Number(value).toFixed(2) : String(value);
  return plainToInstance(MoneyInput, { amount, currency: BOOK_CURRENCY });
}

/** The book's booking body, as its website sent it: `"fare": "101"`, `"flightDate": "22-JAN-16"`. */
export class BookBookingRequest {
  @ApiProperty({ example: 'BF101' })
  @Matches(/^[A-Z0-9]{2}\d{1,4}$/, {
    message: 'flightNumber must be an airline code and 1 to 4 digits, such as BF101',
  })
  @IsDefined({ message: 'flightNumber is required' })
  flightNumber!: string;

  @ApiProperty({ example: 'NYC' }) @IsAirportCode('origin') origin!: string;
  @ApiProperty({ example: 'SFO' }) @IsAirportCode('destination') destination!: string;

  @ApiProperty({ example: '01-DEC-26' })
  @IsTodayOrLater('flightDate')
  @IsIsoDate('flightDate')
  @Transform(({ value }) => fromBookDate(value))
  flightDate!: string;

  @ApiProperty({ example: '101', description: 'In USD, as the book sent it' })
  @ValidateNested()
  @Type(() => MoneyInput)
  @Transform(fromBookFare)
  @IsDefined({ message: 'fare is required' })
  fare!: MoneyInput;

  @ApiProperty({ type: [PassengerInput] })
  @ValidateNested({ each: true })
  @Type(() => PassengerInput)
  @ArrayMaxSize(MAX_PASSENGERS, { message: `passengers must be at most ${MAX_PASSENGERS}` })
  @ArrayMinSize(1, { message: 'passengers must name at least one passenger' })
  @IsArray({ message: 'passengers must be a list' })
  passengers!: PassengerInput[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Sent by the book’s website, always null; ignored',
  })
  @IsOptional()
  bookingDate?: null;
}
