import { Injectable } from '@nestjs/common';
import { flightKey, type FareBulkChangedEvent, type FareChangedEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';
import { FARE_CHANGES_CHANNEL } from '../bookings/fare-check';

/**
 * `fare.changed` tells every booking instance to drop its quote of that flight and date: the event
 * is taken once (booking's queue, its inbox), and the NOTIFY reaches every instance's FareCheck
 * when the inbox transaction commits. The next booking of that flight asks fares again. A bulk
 * load's first fares (`fare.bulk-changed`) drop each quote the same way, in one statement.
 */
@Injectable()
export class FareChangesProjection extends Projection<'fare.changed' | 'fare.bulk-changed', 'quote_dropped'> {
  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['fare.changed', 'fare.bulk-changed'],
      metric: {
        name: 'booking_fare_events_total',
        help: "Fares' fare events, each dropping booking's quote",
      },
    });
  }

  async apply(
    event: FareChangedEvent | FareBulkChangedEvent,
    manager: EntityManager,
  ): Promise<'quote_dropped'[]> {
    const fares = event.type === 'fare.bulk-changed' ? event.payload.fares : [event.payload];
    await manager.query('SELECT pg_notify($1, key) FROM unnest($2::text[]) AS key', [
      FARE_CHANGES_CHANNEL,
      fares.map(flightKey),
    ]);
    return fares.map(() => 'quote_dropped');
  }
}
