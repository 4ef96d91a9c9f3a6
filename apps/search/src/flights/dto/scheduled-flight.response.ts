import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { Money } from '@pss/contracts';
import { FlightResponse } from './flight.response';

/**
 * A flight as the schedule route answers it: a flight just added has no fare until fares sets one,
 * and no seats for sale until booking opens its inventory.
 */
export class ScheduledFlightResponse extends OmitType(FlightResponse, ['fare', 'seatsAvailable']) {
  @ApiProperty({
    nullable: true,
    example: { amount: '101.00', currency: 'USD' },
    description:
      "From fares' events; null until fares has a fare for the flight (it is not shown until then)",
  })
  fare!: Money | null;

  @ApiProperty({
    nullable: true,
    example: 95,
    description: "From booking's events; null until booking sells the flight (it is not shown until then)",
  })
  seatsAvailable!: number | null;

  @ApiProperty({ example: 100, description: 'Seats on the aircraft' }) capacity!: number;
}
