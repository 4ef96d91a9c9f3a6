import { ApiProperty } from '@nestjs/swagger';
import type { Money } from '@pss/contracts';

class MoneyDocument implements Money {
  @ApiProperty({ example: '101.00' }) amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

/** A flight as search answers it. */
export class FlightResponse {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: 'NYC' }) origin!: string;
  @ApiProperty({ example: 'SFO' }) destination!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) date!: string;
  @ApiProperty({ example: '2026-12-01T13:00:00.000Z', format: 'date-time' }) departureTime!: string;
  @ApiProperty({ example: '2026-12-01T19:25:00.000Z', format: 'date-time' }) arrivalTime!: string;
  @ApiProperty({ type: MoneyDocument }) fare!: Money;
  @ApiProperty({ example: 95, description: 'Seats still for sale' }) seatsAvailable!: number;
}
