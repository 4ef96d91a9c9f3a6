import { Injectable } from '@nestjs/common';
import {
  createIntegrationEvent,
  type Money,
  SCHEDULE_SNAPSHOT,
  type FlightScheduledEvent,
  type FareChangedPayload,
  type FlightBulkScheduledEvent,
  type ScheduledFlightState,
} from '@pss/contracts';
import { EventConsumer, followEach, OutboxWriter, Projection, type Followed } from '@pss/messaging';
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
 * the same transaction; a bulk load's day, `flight.bulk-scheduled`, in one `fare.bulk-changed`). Either way the fare follows the flight, so a follower
 * never hears of a fare before the flight it is for. The same flight announced again changes
 * nothing: a fare an operator changed stays. A new or wiped database catches up from the
 * schedule's snapshot, the same way.
 */
@Injectable()
export class ScheduleProjection extends Projection<'flight.scheduled' | 'flight.bulk-scheduled', Outcome> {
  constructor(
    consumer: EventConsumer,
    metrics: MetricsService,
    private readonly outbox: OutboxWriter,
    private readonly catchUp: CatchUp,
    private readonly dataSource: DataSource,
    private readonly config: FaresConfig,
  ) {
    super(consumer, metrics.registry, {
      events: ['flight.scheduled', 'flight.bulk-scheduled'],
      metric: {
        name: 'fares_schedule_events_total',
        help: "The schedule's new flights, as fares heard them",
      },
    });
  }

  override onModuleInit(): void {
    super.onModuleInit();
    this.catchUp.followSnapshot<ScheduledFlightState>(
      'the schedule',
      SCHEDULE_SNAPSHOT,
      this.dataSource,
      (flight, manager) => this.follow(flight, manager),
    );
  }

  apply(
    event: FlightScheduledEvent | FlightBulkScheduledEvent,
    manager: EntityManager,
  ): Promise<Outcome | Outcome[]> {
    if (event.type === 'flight.bulk-scheduled') return this.followDay(event.payload.flights, manager);
    return this.follow(event.payload, manager);
  }

  private async follow(flight: ScheduledFlightState, manager: EntityManager): Promise<Outcome> {
    const { outcome, news: filed } = await this.record(flight, manager);
    if (filed) {
      const { flightNumber, flightDate } = filed;
      await this.outbox.write(
        manager,
        createIntegrationEvent('fare.changed', filed),
        `${flightNumber}/${flightDate}`,
      );
    }
    return outcome;
  }

  /** A bulk load's day: its first fares announced together, in one `fare.bulk-changed`. */
  private async followDay(
    flights: readonly ScheduledFlightState[],
    manager: EntityManager,
  ): Promise<Outcome[]> {
    const { outcomes, news: fares } = await followEach(flights, (flight) => this.record(flight, manager));
    if (fares.length > 0) {
      const event = createIntegrationEvent('fare.bulk-changed', { fares });
      await this.outbox.write(manager, event, `fares/${fares[0].flightDate}`);
    }
    return outcomes;
  }

  /** Records the flight, and files its first fare (the news) when fares has a tariff for it. */
  private async record(
    flight: ScheduledFlightState,
    manager: EntityManager,
  ): Promise<Followed<Outcome, FareChangedPayload>> {
    const { flightNumber, flightDate } = flight;
    const recorded = await manager.query(
      `INSERT INTO scheduled_flights (flight_number, flight_date) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [flightNumber, flightDate],
    );
    if (recorded.length === 0) return { outcome: 'known' };
    const tariff = REFERENCE_TARIFF.get(flightNumber) ?? this.newFlightFare(flight);
    if (!tariff) return { outcome: 'recorded' };
    const [filed] = await manager.query(
      `INSERT INTO fares (flight_number, flight_date, amount, currency, version) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (flight_number, flight_date) DO NOTHING RETURNING version`,
      [flightNumber, flightDate, tariff.amount, tariff.currency],
    );
    if (!filed) return { outcome: 'recorded' };
    return { outcome: 'fare_filed', news: { flightNumber, flightDate, fare: tariff, fareVersion: 1 } };
  }

  private newFlightFare(flight: ScheduledFlightState): Money | undefined {
    return this.config.newFlightTariff === 'block-time' ? blockTimeFare(flight) : undefined;
  }
}
