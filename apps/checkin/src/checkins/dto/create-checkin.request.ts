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
  ValidateBy,
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

const given = (value: unknown) => value !== undefined;
const byId = (request: CreateCheckinRequest) => given(request.bookingId);
const byReference = (request: CreateCheckinRequest) => given(request.reference) || given(request.lastName);

/** A field of one way to name the booking, refused beside the other (bookingId with reference). */
const NotWithBookingId = (field: string) =>
  ValidateBy(
    {
      name: 'notWithBookingId',
      validator: { validate: (_value, args) => !byId(args?.object as CreateCheckinRequest) },
    },
    { message: `${field} must not be given with bookingId: name the booking one way` },
  );

/**
 * `POST /checkins`: the booking, by id or by reference and a passenger's last name (one way, never
 * both), and wanted seats. Each field of the form given is validated, and, when neither form is
 * given, every field of both.
 */
export class CreateCheckinRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((request: CreateCheckinRequest) => byId(request) || !byReference(request))
  @IsUUID('4', { message: 'bookingId must be a booking id (a UUID), or give reference and lastName' })
  bookingId?: string;

  @ApiPropertyOptional({ example: 'K7M4QX' })
  @ValidateIf((request: CreateCheckinRequest) => byReference(request) || !byId(request))
  @NotWithBookingId('reference')
  @Matches(new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{6}$`), {
    message: 'reference must be the 6 characters of a booking reference',
  })
  @IsDefined({ message: 'reference is required without bookingId' })
  reference?: string;

  @ApiPropertyOptional({ example: 'Franc' })
  @ValidateIf((request: CreateCheckinRequest) => byReference(request) || !byId(request))
  @NotWithBookingId('lastName')
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
