import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonNameLength } from '@pss/contracts';
import { UNAMBIGUOUS_ALPHABET } from '@pss/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const SEAT = /^([1-9]\d?)([A-K])$/;

export class WantedSeat {
  @ApiProperty({ example: 1, description: "The passenger's place in the booking, from 1" })
  @Max(9, { message: 'passenger must be at most 9' })
  @Min(1, { message: 'passenger must be at least 1' })
  @IsInt({ message: 'passenger must be a whole number' })
  passenger!: number;

  @ApiProperty({ example: '12A' })
  @Matches(SEAT, { message: 'seat must be a row and a letter, such as 12A' })
  @IsDefined({ message: 'seat is required' })
  seat!: string;
}

/** `POST /checkins`: the booking (by id, or by reference and a passenger's last name), and wanted seats. */
export class CreateCheckinRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf(
    (request: CreateCheckinRequest) => request.reference === undefined && request.lastName === undefined,
  )
  @IsUUID('4', { message: 'bookingId must be a booking id (a UUID), or give reference and lastName' })
  bookingId?: string;

  @ApiPropertyOptional({ example: 'K7M4QX' })
  @ValidateIf((request: CreateCheckinRequest) => request.bookingId === undefined)
  @Matches(new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{6}$`), {
    message: 'reference must be the 6 characters of a booking reference',
  })
  @IsDefined({ message: 'reference is required without bookingId' })
  reference?: string;

  @ApiPropertyOptional({ example: 'Franc' })
  @ValidateIf((request: CreateCheckinRequest) => request.bookingId === undefined)
  @PersonNameLength('lastName')
  @IsDefined({ message: 'lastName is required without bookingId' })
  lastName?: string;

  @ApiPropertyOptional({ type: [WantedSeat] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => WantedSeat)
  @ArrayMaxSize(9, { message: 'seats must be at most 9' })
  @IsArray({ message: 'seats must be a list' })
  seats?: WantedSeat[];
}
