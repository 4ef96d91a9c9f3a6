import { HttpStatus, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Money } from '@pss/contracts';
import { ProblemException } from '@pss/platform';
import { ServiceHttpClient } from '@pss/registry-client';
import { LRUCache } from 'lru-cache';
import type { CreateBookingRequest } from './dto/create-booking.request';
import { maxAgeSeconds } from './max-age';

/** Quotes of this many flights and dates are kept at most (about 1 MB). */
const MAX_QUOTES = 10_000;

/**
 * A booking's fare must be the one the fares service quotes for that flight and date. A quote is
 * kept as long as fares says it stands (its answer's `Cache-Control: max-age`), so that bookings of
 * a flight that sells do not each ask fares again; an answer without max-age is not kept.
 */
@Injectable()
export class FareCheck {
  private readonly quotes = new LRUCache<string, Money>({ max: MAX_QUOTES });

  constructor(private readonly services: ServiceHttpClient) {}

  async ensureQuoted({ flightNumber, flightDate, fare }: CreateBookingRequest): Promise<void> {
    const quoted = await this.quote(flightNumber, flightDate);
    if (quoted.amount !== fare.amount || quoted.currency !== fare.currency) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        `The fare does not match: ${flightNumber} on ${flightDate} costs ${quoted.amount} ${quoted.currency}`,
        { currentFare: quoted },
      );
    }
  }

  private async quote(flightNumber: string, flightDate: string): Promise<Money> {
    const query = new URLSearchParams({ flightNumber, flightDate }).toString();
    const kept = this.quotes.get(query);
    if (kept) return kept;
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
    const maxAge = maxAgeSeconds(response.headers.get('cache-control'));
    if (maxAge > 0) this.quotes.set(query, quoted, { ttl: maxAge * 1000 });
    return quoted;
  }
}
