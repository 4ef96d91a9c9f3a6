import {
  HttpStatus,
  Injectable,
  ServiceUnavailableException,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { flightKey, type Money } from '@pss/contracts';
import { NotifiedCache, ProblemException } from '@pss/platform';
import { ServiceHttpClient } from '@pss/registry-client';
import { DataSource } from 'typeorm';
import type { CreateBookingRequest } from './dto/create-booking.request';

/** The channel a fare change is announced on (by FareChanges); the payload is the flightKey. */
export const FARE_CHANGES_CHANNEL = 'booking_fare_changes';

/**
 * A booking's fare must be the one the fares service quotes for that flight and date. A quote is
 * kept (up to 10,000, at most a minute) until fares announces a change of that fare: so that
 * bookings of a flight that sells do not each ask fares again, and a changed fare is refused on
 * every instance as soon as `fare.changed` reaches booking (milliseconds after the change).
 */
@Injectable()
export class FareCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly quotes: NotifiedCache<Money>;

  constructor(
    private readonly services: ServiceHttpClient,
    dataSource: DataSource,
  ) {
    this.quotes = new NotifiedCache(dataSource, {
      channel: FARE_CHANGES_CHANNEL,
      max: 10_000,
      ttlMs: 60_000,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.quotes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.quotes.stop();
  }

  async ensureQuoted({ flightNumber, flightDate, fare }: CreateBookingRequest): Promise<void> {
    const { value: quoted } = await this.quotes.get(flightKey({ flightNumber, flightDate }), () =>
      this.quote(flightNumber, flightDate),
    );
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
    return ((await response.json()) as { fare: Money }).fare;
  }
}
