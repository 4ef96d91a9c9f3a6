import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BookFlight } from '../bookings/book-flight.service';
import { BookingReader } from '../bookings/booking-reader';
import { BookingIdParams } from '../bookings/dto/booking-lookup.dto';
import { BookingResponse } from '../bookings/dto/booking.response';
import { LegacyBookingRequest } from './dto/legacy-booking.request';

/** The book's routes, kept for its clients: thin aliases of POST /bookings and GET /bookings/{id}. */
@ApiTags('bookings')
@Controller('booking')
export class LegacyRoutesController {
  constructor(
    private readonly bookFlight: BookFlight,
    private readonly reader: BookingReader,
  ) {}

  @Post('create')
  @HttpCode(200)
  @Header('Content-Type', 'application/json')
  @ApiOperation({ summary: "The book's booking: its body; answers the new booking's id, as the book did" })
  @ApiOkResponse({ schema: { type: 'string', format: 'uuid' } })
  async create(@Body() request: LegacyBookingRequest): Promise<string> {
    const { bookingDate: _ignored, ...booking } = request;
    const { booking: made } = await this.bookFlight.book(booking);
    return JSON.stringify(made.id);
  }

  @Get('get/:id')
  @ApiOkResponse({ type: BookingResponse })
  get(@Param() { id }: BookingIdParams): Promise<BookingResponse> {
    return this.reader.byId(id);
  }
}
