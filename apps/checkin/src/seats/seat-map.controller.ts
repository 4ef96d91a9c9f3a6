import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIsoDate, ProblemDocument } from '@pss/platform';
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
  @ApiNotFoundResponse({
    type: ProblemDocument,
    description: 'A flight and date the schedule has not announced',
  })
  async seats(@Param() { flightNumber, date }: FlightDateParams): Promise<SeatMapResponse> {
    const flight = await this.seatMaps.of(this.dataSource.manager, flightNumber, date);
    if (!flight) throw new NotFoundException(`Check-in has no seat map for ${flightNumber} on ${date}`);
    const { map, taken } = flight;
    const seats = map.seats.map((seat) => ({ seat, free: !taken.has(seat) }));
    return {
      flightNumber,
      date,
      capacity: map.capacity,
      rows: map.rows,
      letters: map.letters,
      freeSeats: seats.filter((seat) => seat.free).length,
      seats,
    };
  }
}
