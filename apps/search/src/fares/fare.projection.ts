import { Injectable } from '@nestjs/common';
import type { FareBulkChangedEvent, FareChangedEvent, FareChangedPayload } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';
import { applyToFlights, type FlightEventOutcome } from '../flights/flight-event-outcome';

// Only a newer fare version changes a fare: duplicates and late arrivals change nothing. Of a flight
// listed twice, its newest version counts.
const APPLY_NEWER = `
  UPDATE flights AS flight
     SET fare_amount = item.amount, fare_currency = item.currency, fare_version = item.version
    FROM (SELECT DISTINCT ON (flight_number, flight_date) *
            FROM unnest($1::text[], $2::date[], $3::numeric[], $4::text[], $5::int[])
                 AS item(flight_number, flight_date, amount, currency, version)
           ORDER BY flight_number, flight_date, version DESC) AS item
   WHERE flight.flight_number = item.flight_number AND flight.flight_date = item.flight_date
     AND flight.fare_version < item.version
  RETURNING flight.flight_number AS "flightNumber", flight.flight_date::text AS "flightDate",
            flight.origin, flight.destination`;

/**
 * Search's copy of fares: each `fare.changed` carries the fare and its version; the newest version
 * per flight and date wins, whatever order the events arrive in. Fares owns fares: nothing else in
 * search changes one. A bulk load's first fares (`fare.bulk-changed`) are applied by the same
 * statement, a day's in one.
 */
@Injectable()
export class FareProjection extends Projection<'fare.changed' | 'fare.bulk-changed', FlightEventOutcome> {
  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['fare.changed', 'fare.bulk-changed'],
      metric: {
        name: 'search_fare_events_total',
        help: "Fares' fare events by what they did: applied, stale (an older version) or unknown_flight",
      },
    });
  }

  apply(
    event: FareChangedEvent | FareBulkChangedEvent,
    manager: EntityManager,
  ): Promise<FlightEventOutcome[]> {
    const fares = event.type === 'fare.bulk-changed' ? event.payload.fares : [event.payload];
    return applyToFlights(manager, event, fares, APPLY_NEWER, columnsOf);
  }
}

const columnsOf = (fares: readonly FareChangedPayload[]) => [
  fares.map((item) => item.flightNumber),
  fares.map((item) => item.flightDate),
  fares.map((item) => item.fare.amount),
  fares.map((item) => item.fare.currency),
  fares.map((item) => item.fareVersion),
];
