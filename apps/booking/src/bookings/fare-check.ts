import { HttpStatus, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Money } from '@pss/contracts';
import { ProblemException } from '@pss/platform';
import { ServiceHttpClient } from '@pss/registry-client';
import type { CreateBookingRequest } from './dto/create-booking.request';

/** A booking's fare must be the one the fares service quotes for that flight and date. */
@Injectable()
export class FareCheck {
  constructor(private readonly services: ServiceHttpClient) {}

  async ensureQuoted({ flightNumber, flightDate, fare }: CreateBookingRequest): Promise<void> {
    const query = new URLSearchParams({ flightNumber, flightDate });
    const response = await this.services.get('fares', `/fares?${query}`);
    if (response.status === HttpStatus.NOT_FOUND || response.status === HttpStatus.BAD_REQUEST) {
      await response.body?.cancel();
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `${flightNumber} has no fare on ${flightDate}`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ServiceUnavailableException(
        `The fares service answered ${response.status}; try again shortly.`,
      );
    }
    const quoted = ((await response.json()) as { fare: Money }).fare;
    if (quoted.amount !== fare.amount || quoted.currency !== fare.currency) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        `The fare does not match: ${flightNumber} on ${flightDate} costs ${quoted.amount} ${quoted.currency}`,
        { currentFare: quoted },
      );
    }
  }
}
