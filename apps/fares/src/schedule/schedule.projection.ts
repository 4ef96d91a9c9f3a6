import { Injectable } from '@nestjs/common';
import {
  createIntegrationEvent,
  flightKey,
  type FlightOnDate,
  type Money,
  type FareChangedPayload,
  type ScheduledFlightState,
} from '@pss/contracts';
import { EventConsumer, OutboxWriter, ScheduleFollower, type Followed } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import { CatchUp } from '@pss/registry-client';
import { DataSource, type EntityManager } from 'typeorm';
import { FaresConfig } from '../config/fares-config';
import { blockTimeFare } from './block-time-tariff';
import { REFERENCE_TARIFF } from './reference-tariff';

type Outcome = 'fare_filed' | 'recorded' | 'known';

/**
 * Records each flight and date the schedule announces, so that an operator can file its first
 * fare; a flight of the reference tariff, or any flight when FARES_NEW_FLIGHT_TARIFF is
 * `block-time` (blockTimeFare), gets its fare at once (version 1, announced with `fare.changed` in
 * the same transaction; a bulk load's day, `flight.bulk-scheduled`, in one `fare.bulk-changed`).
 * Either way the fare follows the flight, so a follower never hears of a fare before the flight it
 * is for. The same flight announced again changes nothing: a fare an operator changed stays.
 */
@Injectable()
export class ScheduleProjection extends ScheduleFollower<
  'flight.scheduled' | 'flight.bulk-scheduled',
  Outcome,
  FareChangedPayload
> {
  constructor(
    consumer: EventConsumer,
    metrics: MetricsService,
    private readonly outbox: OutboxWriter,
    catchUp: CatchUp,
    dataSource: DataSource,
    private readonly config: FaresConfig,
  ) {
    super(
      consumer,
      metrics.registry,
      { catchUp, dataSource },
      {
        events: ['flight.scheduled', 'flight.bulk-scheduled'],
        metric: {
          name: 'fares_schedule_events_total',
          help: "The schedule's new flights, as fares heard them",
        },
      },
    );
  }

  /** The first fares filed: one flight's in `fare.changed`, a bulk load's day's in one `fare.bulk-changed`. */
  protected override async announce(
    fares: FareChangedPayload[],
    manager: EntityManager,
    bulk: boolean,
  ): Promise<void> {
    if (bulk) {
      const event = createIntegrationEvent('fare.bulk-changed', { fares });
      await this.outbox.write(manager, event, `fares/${fares[0].flightDate}`);
    } else {
      const [filed] = fares;
      await this.outbox.write(manager, createIntegrationEvent('fare.changed', filed), flightKey(filed));
    }
  }

  /**
   * Records the flights fares has not heard of, and files the first fare (the news) of those it has
   * a tariff for, in two statements for all of them.
   */
  protected async follow(
    flights: readonly ScheduledFlightState[],
    manager: EntityManager,
  ): Promise<Followed<Outcome, FareChangedPayload>[]> {
    const recorded: FlightOnDate[] = await manager.query(
      `INSERT INTO scheduled_flights (flight_number, flight_date)
       SELECT DISTINCT * FROM unnest($1::text[], $2::date[])
       ON CONFLICT DO NOTHING
       RETURNING flight_number AS "flightNumber", flight_date::text AS "flightDate"`,
      [flights.map((flight) => flight.flightNumber), flights.map((flight) => flight.flightDate)],
    );
    const fresh = new Set(recorded.map(flightKey));
    const tariffs = new Map<string, Money>();
    for (const flight of flights) {
      const tariff = REFERENCE_TARIFF.get(flight.flightNumber) ?? this.newFlightFare(flight);
      if (fresh.has(flightKey(flight)) && tariff) tariffs.set(flightKey(flight), tariff);
    }
    const filed = new Set<string>();
    if (tariffs.size > 0) {
      const priced = flights.filter((flight) => tariffs.has(flightKey(flight)));
      const rows: FlightOnDate[] = await manager.query(
        `INSERT INTO fares (flight_number, flight_date, amount, currency, version)
         SELECT DISTINCT ON (flight_number, flight_date) *, 1
           FROM unnest($1::text[], $2::date[], $3::numeric[], $4::text[])
                AS fare(flight_number, flight_date, amount, currency)
         ON CONFLICT (flight_number, flight_date) DO NOTHING
         RETURNING flight_number AS "flightNumber", flight_date::text AS "flightDate"`,
        [
          priced.map((flight) => flight.flightNumber),
          priced.map((flight) => flight.flightDate),
          priced.map((flight) => tariffs.get(flightKey(flight))?.amount),
          priced.map((flight) => tariffs.get(flightKey(flight))?.currency),
        ],
      );
      for (const row of rows) filed.add(flightKey(row));
    }
    // A flight listed twice is new once: the later listing is one fares knows by then.
    return flights.map((flight) => {
      const key = flightKey(flight);
      if (!fresh.delete(key)) return { outcome: 'known' };
      const fare = tariffs.get(key);
      if (!fare || !filed.has(key)) return { outcome: 'recorded' };
      const { flightNumber, flightDate } = flight;
      return { outcome: 'fare_filed', news: { flightNumber, flightDate, fare, fareVersion: 1 } };
    });
  }

  private newFlightFare(flight: ScheduledFlightState): Money | undefined {
    return this.config.newFlightTariff === 'block-time' ? blockTimeFare(flight) : undefined;
  }
}
