import { ApiProperty } from '@nestjs/swagger';

class SeatDocument {
  @ApiProperty({ example: '12A' }) seat!: string;
  @ApiProperty() free!: boolean;
}

export class SeatMapResponse {
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) date!: string;
  @ApiProperty({ example: 'A320' }) aircraftType!: string;
  @ApiProperty({ example: 30 }) rows!: number;
  @ApiProperty({ example: 'ABCDEF' }) letters!: string;
  @ApiProperty({ example: 178, description: 'Seats nobody holds' }) freeSeats!: number;
  @ApiProperty({ type: [SeatDocument] }) seats!: SeatDocument[];
}
