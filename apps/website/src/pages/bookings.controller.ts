import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { BookingSummary } from '@pss/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { CsrfGuard, CsrfTokens } from '../http/csrf';
import { forwardedFor } from '../http/forwarded-for';
import { PssServices, type Answer } from '../services/pss-services';
import { BookingPage } from './booking-page';
import { ManagePage } from './manage-page';
import { PageProblemFilter } from './page-problem.filter';
import { seeOther, sendPage, text } from './render';

type Form = Record<string, unknown>;

const NOTICES: Record<string, string> = {
  booked: 'Your booking is confirmed. Keep your booking reference: you need it to manage your booking.',
  cancelled: 'Your booking is cancelled.',
};

/** A booking: finding it by reference and last name, showing it, cancelling it. */
@ApiExcludeController()
@Controller()
@UseFilters(PageProblemFilter)
export class BookingsController {
  constructor(
    private readonly services: PssServices,
    private readonly csrf: CsrfTokens,
  ) {}

  @Get('manage')
  manageForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    sendPage(reply, h(ManagePage, { csrfToken: this.csrf.tokenFor(request, reply) }));
  }

  @Post('manage')
  @UseGuards(CsrfGuard)
  async find(@Body() form: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const [reference, lastName] = [text(form.reference).toUpperCase(), text(form.lastName)];
    const answer = await this.services.findBooking(reference, lastName, forwardedFor(request));
    if (answer.ok) return seeOther(reply, `/bookings/${answer.value.id}`);
    const problem =
      answer.refusal.status === 429
        ? 'Too many look-ups from your address. Please try again in a minute.'
        : 'We found no booking with that reference and last name. Please check both.';
    sendPage(
      reply,
      h(ManagePage, { reference, lastName, csrfToken: this.csrf.tokenFor(request, reply), problem }),
      answer.refusal.status === 429 ? 429 : 404,
    );
  }

  @Get('bookings/:id')
  async show(
    @Param('id') id: string,
    @Query() query: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const booking = found(await this.services.booking(id));
    const notice = Object.keys(NOTICES).find((key) => text(query[key]) === '1');
    sendPage(
      reply,
      h(BookingPage, {
        booking,
        csrfToken: this.csrf.tokenFor(request, reply),
        notice: notice && NOTICES[notice],
      }),
    );
  }

  @Post('bookings/:id/cancel')
  @UseGuards(CsrfGuard)
  async cancel(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const answer = await this.services.cancel(id);
    if (answer.ok) return seeOther(reply, `/bookings/${id}?cancelled=1`);
    const booking = found(await this.services.booking(id));
    sendPage(
      reply,
      h(BookingPage, {
        booking,
        csrfToken: this.csrf.tokenFor(request, reply),
        problem: answer.refusal.detail,
      }),
      answer.refusal.status,
    );
  }
}

/** The booking, or the page that says there is none (an unknown or malformed id alike). */
export function found(answer: Answer<BookingSummary>): BookingSummary {
  if (answer.ok) return answer.value;
  throw new NotFoundException('We found no such booking.');
}
