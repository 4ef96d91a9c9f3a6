import { ApiProperty } from '@nestjs/swagger';
import type { FlightResponse } from './flight.response';

class LegacyFare {
  @ApiProperty({ example: '101.00' }) fare!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

class LegacyInventory {
  @ApiProperty({ example: 95 }) count!: number;
}

/** A flight in the shape the book's search answered it. */
export class LegacyFlightResponse {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: 'NYC' }) origin!: string;
  @ApiProperty({ example: 'SFO' }) destination!: string;
  @ApiProperty({ example: '2026-12-01' }) flightDate!: string;
  @ApiProperty({ type: LegacyFare }) fares!: LegacyFare;
  @ApiProperty({ type: LegacyInventory }) inventory!: LegacyInventory;

  static of(flight: FlightResponse): LegacyFlightResponse {
    return {
      flightNumber: flight.flightNumber,
      origin: flight.origin,
      destination: flight.destination,
      flightDate: flight.date,
      fares: { fare: flight.fare.amount, currency: flight.fare.currency },
      inventory: { count: flight.seatsAvailable },
    };
  }
}
