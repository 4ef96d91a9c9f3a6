import { ApiProperty } from '@nestjs/swagger';

class SeatDocument {
  @ApiProperty({ example: '12A' }) seat!: string;
  @ApiProperty() free!: boolean;
}

export class SeatMapResponse {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) date!: string;
  @ApiProperty({ example: 100, description: 'Seats on the aircraft, as the schedule says' })
  capacity!: number;
  @ApiProperty({ example: 17 }) rows!: number;
  @ApiProperty({ example: 'ABCDEF' }) letters!: string;
  @ApiProperty({ example: 98, description: 'Seats nobody holds' }) freeSeats!: number;
  @ApiProperty({ type: [SeatDocument] }) seats!: SeatDocument[];
}
