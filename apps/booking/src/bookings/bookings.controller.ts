import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { LookupRateLimited, ProblemDocument } from '@pss/platform';
import type { FastifyReply } from 'fastify';
import { BookFlight } from './book-flight.service';
import { BookingReader } from './booking-reader';
import { CancelBooking } from './cancel-booking.service';
import { CheckinBooking } from './checkin-booking.service';
import { BookingIdParams, FindBookingQuery } from './dto/booking-lookup.dto';
import { BookingResponse } from './dto/booking.response';
import { BookingCheckinParams, CheckinBookingRequest } from './dto/checkin-booking.request';
import { CreateBookingRequest } from './dto/create-booking.request';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key';

@ApiTags('bookings')
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly bookFlight: BookFlight,
    private readonly reader: BookingReader,
    private readonly canceller: CancelBooking,
    private readonly checker: CheckinBooking,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Books seats at the fare the fares service quotes' })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Retries with the same key and body return the same booking',
  })
  @ApiCreatedResponse({
    type: BookingResponse,
    description: 'Booked (or, with a key seen before, the booking it made)',
  })
  @ApiBadRequestResponse({ type: ProblemDocument, description: 'Each malformed field named' })
  @ApiConflictResponse({
    type: ProblemDocument,
    description: 'The fare does not match (currentFare), or not enough seats (seatsLeft)',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDocument,
    description: 'No such flight on that date, or a key reused with another body',
  })
  @ApiServiceUnavailableResponse({
    type: ProblemDocument,
    description: 'The fares service cannot be reached; nothing was written',
  })
  async book(
    @Body() request: CreateBookingRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BookingResponse> {
    const { booking, replayed } = await this.bookFlight.book(request, idempotencyKeyOf(key));
    reply.status(201).header('Location', `/bookings/${booking.id}`);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return booking;
  }

  @Get()
  @ApiOperation({ summary: 'Finds a booking by its reference and a passenger’s last name' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiNotFoundResponse({ type: ProblemDocument })
  @ApiTooManyRequestsResponse({ type: ProblemDocument, description: 'Too many look-ups from this address' })
  @LookupRateLimited()
  find(@Query() { reference, lastName }: FindBookingQuery): Promise<BookingResponse> {
    return this.reader.byReference(reference, lastName);
  }

  @Get(':id')
  @ApiOkResponse({ type: BookingResponse })
  @ApiNotFoundResponse({ type: ProblemDocument })
  get(@Param() { id }: BookingIdParams): Promise<BookingResponse> {
    return this.reader.byId(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancels a booking and puts its seats back on sale (again: no change)' })
  @ApiOkResponse({ type: BookingResponse })
  @ApiConflictResponse({ type: ProblemDocument, description: 'Checked in: cannot be cancelled' })
  cancel(@Param() { id }: BookingIdParams): Promise<BookingResponse> {
    return this.canceller.cancel(id);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Moves a confirmed booking to CHECKED_IN for a check-in (the check-in service asks first)',
  })
  @ApiOkResponse({ type: BookingResponse, description: 'Checked in for this check-in (again: no change)' })
  @ApiNotFoundResponse({ type: ProblemDocument })
  @ApiConflictResponse({ type: ProblemDocument, description: 'Cancelled, or checked in by another check-in' })
  checkIn(
    @Param() { id }: BookingIdParams,
    @Body() { checkinId }: CheckinBookingRequest,
  ): Promise<BookingResponse> {
    return this.checker.checkIn(id, checkinId);
  }

  @Delete(':id/check-in/:checkinId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Takes back the move to CHECKED_IN for a check-in the check-in service then refused',
  })
  @ApiNoContentResponse({
    description: 'CONFIRMED again if it was CHECKED_IN for this check-in; otherwise unchanged',
  })
  @ApiNotFoundResponse({ type: ProblemDocument })
  withdrawCheckIn(@Param() { id, checkinId }: BookingCheckinParams): Promise<void> {
    return this.checker.withdrawCheckIn(id, checkinId);
  }
}
