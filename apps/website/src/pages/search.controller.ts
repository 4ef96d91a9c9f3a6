import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Money } from '@pss/contracts';
import { todayUtc } from '@pss/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { h } from 'preact';
import { CsrfGuard, CsrfTokens } from '../http/csrf';
import { PssServices, type Flight } from '../services/pss-services';
import { BookPage, type ChosenFlight, type PassengerValues } from './book-page';
import { PageProblemFilter } from './page-problem.filter';
import { seeOther, sendPage, text } from './render';
import { SearchPage, type SearchQuery } from './search-page';
import { formatMoney } from './wording';

type Form = Record<string, unknown>;

const searchQuery = (query: Form): SearchQuery => ({
  origin: text(query.origin).toUpperCase(),
  destination: text(query.destination).toUpperCase(),
  date: text(query.date),
  passengers: text(query.passengers) || '1',
});

/** The flight search and the booking form: the pages a passenger starts from. */
@ApiExcludeController()
@Controller()
@UseFilters(PageProblemFilter)
export class SearchController {
  constructor(
    private readonly services: PssServices,
    private readonly csrf: CsrfTokens,
  ) {}

  @Get()
  async search(@Query() query: Form, @Res() reply: FastifyReply): Promise<void> {
    const criteria = searchQuery(query);
    if (!criteria.origin && !criteria.destination && !criteria.date) {
      const tomorrow = new Date(Date.parse(todayUtc()) + 86_400_000).toISOString().slice(0, 10);
      return sendPage(reply, h(SearchPage, { query: { ...criteria, date: tomorrow } }));
    }
    const answer = await this.services.flights(criteria);
    if (answer.ok) return sendPage(reply, h(SearchPage, { query: criteria, flights: answer.value }));
    sendPage(reply, h(SearchPage, { query: criteria, errors: answer.refusal.errors }), answer.refusal.status);
  }

  @Get('book')
  async bookingForm(@Query() query: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const criteria = searchQuery(query);
    const flight = await this.flight(criteria, text(query.flightNumber));
    const passengers = Array.from({ length: Number(criteria.passengers) || 1 }, () => blankPassenger());
    sendPage(
      reply,
      h(BookPage, {
        flight,
        fare: flight.fare,
        passengers,
        idempotencyKey: randomUUID(),
        csrfToken: this.csrf.tokenFor(request, reply),
      }),
    );
  }

  @Post('book')
  @UseGuards(CsrfGuard)
  async book(@Body() form: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const count = Math.min(Math.max(Number(text(form.passengers)) || 1, 1), 9);
    const passengers: PassengerValues[] = Array.from({ length: count }, (_, index) => ({
      firstName: text(form[`passengers.${index}.firstName`]),
      lastName: text(form[`passengers.${index}.lastName`]),
      gender: text(form[`passengers.${index}.gender`]),
    }));
    const fare: Money = { amount: text(form.fareAmount), currency: text(form.fareCurrency) };
    const criteria = { ...searchQuery(form), passengers: String(count) };
    const idempotencyKey = text(form.idempotencyKey) || randomUUID();
    const answer = await this.services.book(
      {
        flightNumber: text(form.flightNumber),
        origin: criteria.origin,
        destination: criteria.destination,
        flightDate: criteria.date,
        fare,
        passengers,
      },
      idempotencyKey,
    );
    if (answer.ok) return seeOther(reply, `/bookings/${answer.value.id}?booked=1`);
    const { refusal } = answer;
    const flight: ChosenFlight = {
      flightNumber: text(form.flightNumber),
      origin: criteria.origin,
      destination: criteria.destination,
      date: criteria.date,
      departureTime: text(form.departureTime),
      arrivalTime: text(form.arrivalTime),
    };
    const currentFare = refusal.extensions.currentFare as Money | undefined;
    const problem = currentFare
      ? `The fare changed to ${formatMoney(currentFare)} since you searched. Book again at the new fare, or search again.`
      : refusal.errors.length > 0
        ? undefined
        : refusal.detail;
    sendPage(
      reply,
      h(BookPage, {
        flight,
        fare: currentFare ?? fare,
        passengers,
        // A new fare is a new booking request; the same one again is the same booking.
        idempotencyKey: currentFare ? randomUUID() : idempotencyKey,
        csrfToken: this.csrf.tokenFor(request, reply),
        errors: refusal.errors,
        problem,
      }),
      refusal.status,
    );
  }

  /** The flight as search shows it now; a page saying it is gone when it is not for sale any more. */
  private async flight(criteria: SearchQuery, flightNumber: string): Promise<Flight> {
    const answer = await this.services.flights(criteria);
    const flight = answer.ok ? answer.value.find((found) => found.flightNumber === flightNumber) : undefined;
    if (!flight)
      throw new NotFoundException(
        `${flightNumber} on ${criteria.date} is not for sale for ${criteria.passengers} passengers any more. Please search again.`,
      );
    return flight;
  }
}

const blankPassenger = (): PassengerValues => ({ firstName: '', lastName: '', gender: 'Female' });
