import { ApiProperty } from '@nestjs/swagger';

class BoardingPassDocument {
  @ApiProperty({ example: 'Gavin' }) firstName!: string;
  @ApiProperty({ example: 'Franc' }) lastName!: string;
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ example: '12A' }) seat!: string;
  @ApiProperty({ example: 'TQ4MCE7A', description: 'What the gate scans' }) boardingReference!: string;
}

export class CheckinResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ example: 'K7M4QX' }) bookingReference!: string;
  @ApiProperty({ example: 'BF101' }) flightNumber!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) flightDate!: string;
  @ApiProperty({ type: [BoardingPassDocument] }) boardingPasses!: BoardingPassDocument[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
