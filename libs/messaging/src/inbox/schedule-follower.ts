import {
  SCHEDULE_SNAPSHOT,
  type FlightBulkScheduledEvent,
  type FlightChangedEvent,
  type FlightScheduledEvent,
  type ScheduledFlightState,
  type SnapshotSource,
} from '@pss/contracts';
import type { Registry } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventConsumer } from './event-consumer';
import { newsOf, Projection, type Followed, type ProjectionSpec } from './projection';

type ScheduleEventType = 'flight.scheduled' | 'flight.bulk-scheduled' | 'flight.changed';

/** Catches a projection up from an owner's snapshot (registry-client's CatchUp). */
export interface SnapshotCatchUp {
  followSnapshot<T>(
    owners: string,
    source: SnapshotSource,
    dataSource: DataSource,
    applyPage: (items: T[], manager: EntityManager) => Promise<unknown>,
  ): void;
}

/** Where a schedule projection catches up from, and the database it catches up in. */
export interface ScheduleCatchUp {
  catchUp: SnapshotCatchUp;
  dataSource: DataSource;
}

/**
 * A service's copy of the schedule's flights. Every flight an event carries (one, or a bulk load's
 * day) is followed in one call of `follow`, and what the service has to tell others of them (their
 * news) goes out in one event of its own through `announce`, in the same transaction. A new or
 * wiped database catches up from the schedule's snapshot the same way, each day of it as a bulk
 * load's day: a service starting on a year's schedule makes a statement a day, not one a flight.
 */
export abstract class ScheduleFollower<
  TType extends ScheduleEventType,
  TOutcome extends string,
  TNews = never,
> extends Projection<TType, TOutcome> {
  protected constructor(
    consumer: EventConsumer,
    registry: Registry,
    private readonly schedule: ScheduleCatchUp,
    spec: ProjectionSpec<TType>,
  ) {
    super(consumer, registry, spec);
  }

  override onModuleInit(): void {
    super.onModuleInit();
    this.schedule.catchUp.followSnapshot<ScheduledFlightState>(
      'the schedule',
      SCHEDULE_SNAPSHOT,
      this.schedule.dataSource,
      async (flights, manager) => {
        for (const day of Map.groupBy(flights, (flight) => flight.flightDate).values())
          await this.followFlights(day, manager, true);
      },
    );
  }

  apply(
    event: FlightScheduledEvent | FlightBulkScheduledEvent | FlightChangedEvent,
    manager: EntityManager,
  ): Promise<TOutcome[]> {
    if (event.type === 'flight.bulk-scheduled')
      return this.followFlights(event.payload.flights, manager, true);
    return this.followFlights([event.payload], manager, false);
  }

  /** What each flight did, and its news for others, if any: in order, for all of them at once. */
  protected abstract follow(
    flights: readonly ScheduledFlightState[],
    manager: EntityManager,
  ): Promise<Followed<TOutcome, TNews>[]>;

  /** Tells others the news of one flight's event or, `bulk`, of a bulk load's day. None by default. */
  protected announce(_news: TNews[], _manager: EntityManager, _bulk: boolean): Promise<void> {
    return Promise.resolve();
  }

  private async followFlights(
    flights: readonly ScheduledFlightState[],
    manager: EntityManager,
    bulk: boolean,
  ): Promise<TOutcome[]> {
    const followed = await this.follow(flights, manager);
    const news = newsOf(followed);
    if (news.length > 0) await this.announce(news, manager, bulk);
    return followed.map(({ outcome }) => outcome);
  }
}
