import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { fromLegacyDate, MoneyInput } from '@pss/contracts';
import { IsIsoDate, IsTodayOrLater } from '@pss/platform';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { CreateBookingRequest } from '../../bookings/dto/create-booking.request';

/** The currency of every fare of the book. */
const LEGACY_CURRENCY = 'USD';

/** The book's fares were bare strings in USD ("101"): as money (a @Transform result skips @Type). */
function fromLegacyFare({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return plainToInstance(MoneyInput, value);
  const amount = Number.isFinite(Number(value)) ? Number(value).toFixed(2) : String(value);
  return plainToInstance(MoneyInput, { amount, currency: LEGACY_CURRENCY });
}

/** The book's booking body, as its website sent it: `"fare": "101"`, `"flightDate": "22-JAN-16"`. */
export class LegacyBookingRequest extends PickType(CreateBookingRequest, [
  'flightNumber',
  'origin',
  'destination',
  'passengers',
]) {
  @ApiProperty({ example: '01-DEC-26' })
  @IsTodayOrLater('flightDate')
  @IsIsoDate('flightDate')
  @Transform(({ value }) => fromLegacyDate(value))
  flightDate!: string;

  @ApiProperty({ example: '101', description: 'In USD, as the book sent it' })
  @ValidateNested()
  @Type(() => MoneyInput)
  @Transform(fromLegacyFare)
  @IsDefined({ message: 'fare is required' })
  fare!: MoneyInput;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Sent by the book’s website, always null; ignored',
  })
  @IsOptional()
  bookingDate?: null;
}
