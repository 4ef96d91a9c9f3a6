import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '@pss/platform';
import { BookingDirectory } from '../booking/booking-directory';
import { CreateCheckin } from '../checkins/create-checkin.service';
import { CheckinReader } from '../checkins/checkin-reader';
import { CheckinIdParams } from '../checkins/checkins.controller';
import { CheckinResponse } from '../checkins/dto/checkin.response';
import { LegacyCheckinRequest } from './legacy-checkin.request';

/** The book's routes, kept for its clients: thin aliases of POST /checkins and GET /checkins/{id}. */
@ApiTags('checkins')
@Controller('checkin')
export class LegacyRoutesController {
  constructor(
    private readonly createCheckin: CreateCheckin,
    private readonly reader: CheckinReader,
    private readonly bookings: BookingDirectory,
  ) {}

  @Post('create')
  @HttpCode(200)
  @Header('Content-Type', 'application/json')
  @ApiOperation({
    summary: "The book's check-in: checks the booking in, the named passenger in their seat; answers the id",
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'uuid' } })
  async create(@Body() request: LegacyCheckinRequest): Promise<string> {
    const seats = request.seatNumber
      ? [{ passenger: await this.positionOf(request), seat: request.seatNumber }]
      : [];
    const { checkin } = await this.createCheckin.createCheckin({ bookingId: request.bookingId, seats });
    return JSON.stringify(checkin.id);
  }

  /** The named passenger's place in the booking, for their seat. */
  private async positionOf({ bookingId, firstName, lastName }: LegacyCheckinRequest): Promise<number> {
    const booking = await this.bookings.byId(bookingId);
    if (!booking) throw new NotFoundException('No such booking');
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const index = booking.passengers.findIndex(
      (p) => same(p.firstName, firstName) && same(p.lastName, lastName),
    );
    if (index < 0)
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `${firstName} ${lastName} is not on this booking`,
      );
    return index + 1;
  }

  @Get('get/:id')
  @ApiOkResponse({ type: CheckinResponse })
  get(@Param() { id }: CheckinIdParams): Promise<CheckinResponse> {
    return this.reader.byId(id);
  }
}
