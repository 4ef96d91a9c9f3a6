import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIsoDate } from '@pss/platform';
import { Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { SeatMapResponse } from './seat-map.response';
import { SeatMaps } from './seat-maps';

class FlightDateParams {
  @ApiProperty({ example: 'BF101' })
  @Matches(/^[A-Z0-9]{2}\d{1,4}$/, {
    message: 'flightNumber must be an airline code and 1 to 4 digits, such as BF101',
  })
  flightNumber!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsIsoDate('date')
  date!: string;
}

@ApiTags('seats')
@Controller('flights')
export class SeatMapController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seatMaps: SeatMaps,
  ) {}

  @Get(':flightNumber/:date/seats')
  @ApiOperation({ summary: 'The seats of a flight on a date, and which are free' })
  @ApiOkResponse({ type: SeatMapResponse })
  async seats(@Param() { flightNumber, date }: FlightDateParams): Promise<SeatMapResponse> {
    const manager = this.dataSource.manager;
    const [map, taken] = await Promise.all([
      this.seatMaps.of(manager, flightNumber),
      this.seatMaps.taken(manager, flightNumber, date),
    ]);
    const seats = map.seats.map((seat) => ({ seat, free: !taken.has(seat) }));
    return {
      flightNumber,
      date,
      aircraftType: map.aircraftType,
      rows: map.rows,
      letters: map.letters,
      freeSeats: seats.filter((seat) => seat.free).length,
      seats,
    };
  }
}
