import { ApiProperty } from '@nestjs/swagger';
import type { Checkin } from '../checkin.entity';

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

  static of(checkin: Checkin): CheckinResponse {
    return {
      id: checkin.id,
      bookingId: checkin.bookingId,
      bookingReference: checkin.bookingReference,
      flightNumber: checkin.flightNumber,
      flightDate: checkin.flightDate,
      boardingPasses: [...checkin.boardingPasses]
        .sort((a, b) => a.position - b.position)
        .map(({ firstName, lastName, flightNumber, flightDate, seat, boardingReference }) => ({
          firstName,
          lastName,
          flightNumber,
          flightDate,
          seat,
          boardingReference,
        })),
      createdAt: checkin.createdAt.toISOString(),
    };
  }
}
