import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID, Matches } from 'class-validator';
import { IsPersonName } from '@pss/contracts';
import { UNAMBIGUOUS_ALPHABET } from '@pss/platform';

export class BookingIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'id must be a booking id (a UUID)' })
  id!: string;
}

/** `GET /bookings?reference=K7M4QX&lastName=Franc`: how passengers find their booking. */
export class FindBookingQuery {
  @ApiProperty({ example: 'K7M4QX' })
  @Matches(new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{6}$`), {
    message: 'reference must be the 6 characters of a booking reference',
  })
  @IsDefined({ message: 'reference is required' })
  reference!: string;

  @ApiProperty({ example: 'Franc' })
  @IsPersonName('lastName')
  lastName!: string;
}
