import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { BookingIdParams } from './booking-lookup.dto';

/** The check-in service's id of a check-in, as booking takes it in a body or a path. */
const IsCheckinId = () =>
  applyDecorators(
    ApiProperty({ format: 'uuid', description: "The check-in service's id of the check-in" }),
    IsUUID('all', { message: 'checkinId must be a check-in id (a UUID)' }),
  );

/** `POST /bookings/{id}/check-in`: the check-in, named by the check-in service, that asks for the move. */
export class CheckinBookingRequest {
  @IsCheckinId()
  checkinId!: string;
}

/** `DELETE /bookings/{id}/check-in/{checkinId}`: a booking and the check-in it agreed to. */
export class BookingCheckinParams extends BookingIdParams {
  @IsCheckinId()
  checkinId!: string;
}
