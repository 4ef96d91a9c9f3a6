import { Injectable } from '@nestjs/common';
import type { FareChangedEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';
import { FARE_CHANGES_CHANNEL, fareKey } from '../bookings/fare-check';

/**
 * `fare.changed` tells every booking instance to drop its quote of that flight and date: the event
 * is taken once (booking's queue, its inbox), and the NOTIFY reaches every instance's FareCheck
 * when the inbox transaction commits. The next booking of that flight asks fares again.
 */
@Injectable()
export class FareChangesProjection extends Projection<'fare.changed', 'quote_dropped'> {
  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['fare.changed'],
      metric: {
        name: 'booking_fare_events_total',
        help: "Fares' fare events, each dropping booking's quote",
      },
    });
  }

  async apply(event: FareChangedEvent, manager: EntityManager): Promise<'quote_dropped'> {
    const { flightNumber, flightDate } = event.payload;
    await manager.query('SELECT pg_notify($1, $2)', [
      FARE_CHANGES_CHANNEL,
      fareKey(flightNumber, flightDate),
    ]);
    return 'quote_dropped';
  }
}
