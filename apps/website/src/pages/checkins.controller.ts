import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { CsrfGuard, CsrfTokens } from '../http/csrf';
import { PssServices } from '../services/pss-services';
import { BoardingPassesPage } from './boarding-passes-page';
import { found } from './bookings.controller';
import { ANY_SEAT, CheckinPage } from './checkin-page';
import { PageProblemFilter } from './page-problem.filter';
import { seeOther, sendPage, text } from './render';

type Form = Record<string, unknown>;

/** Check-in: choosing seats on the seat map, and the boarding passes it gives. */
@ApiExcludeController()
@Controller()
@UseFilters(PageProblemFilter)
export class CheckinsController {
  constructor(
    private readonly services: PssServices,
    private readonly csrf: CsrfTokens,
  ) {}

  @Get('bookings/:id/checkin')
  seatChoice(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.showSeatChoice(id, [], request, reply);
  }

  @Post('bookings/:id/checkin')
  @UseGuards(CsrfGuard)
  async checkIn(
    @Param('id') id: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const wanted = Object.entries(form)
      .filter(([field]) => /^seat\.\d$/.test(field))
      .map(([field, seat]) => ({ passenger: Number(field.slice(5)) + 1, seat: text(seat) }))
      .filter(({ seat }) => seat !== ANY_SEAT);
    const answer = await this.services.checkIn(id, wanted);
    if (answer.ok) return seeOther(reply, `/checkins/${answer.value.id}`);
    const seats: string[] = [];
    for (const { passenger, seat } of wanted) seats[passenger - 1] = seat;
    await this.showSeatChoice(id, seats, request, reply, answer.refusal.detail, answer.refusal.status);
  }

  @Get('checkins/:id')
  async boardingPasses(@Param('id') id: string, @Res() reply: FastifyReply) {
    const answer = await this.services.checkin(id);
    if (!answer.ok) throw new NotFoundException('We found no such check-in.');
    sendPage(reply, h(BoardingPassesPage, { checkin: answer.value }));
  }

  private async showSeatChoice(
    id: string,
    wanted: string[],
    request: FastifyRequest,
    reply: FastifyReply,
    problem?: string,
    status = 200,
  ) {
    const booking = found(await this.services.booking(id));
    const seatMap = await this.services.seatMap(booking.flightNumber, booking.flightDate);
    if (!seatMap.ok) throw new NotFoundException(`Check-in for ${booking.flightNumber} is not open yet.`);
    sendPage(
      reply,
      h(CheckinPage, {
        booking,
        seatMap: seatMap.value,
        wanted,
        csrfToken: this.csrf.tokenFor(request, reply),
        problem,
      }),
      status,
    );
  }
}
