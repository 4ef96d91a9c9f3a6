import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `POST /bookings/{id}/check-in`: the check-in, named by the check-in service, that asks for the move. */
export class CheckinBookingRequest {
  @ApiProperty({ format: 'uuid', description: "The check-in service's id of the check-in" })
  @IsUUID('all', { message: 'checkinId must be a check-in id (a UUID)' })
  checkinId!: string;
}
