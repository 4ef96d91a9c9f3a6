import { Injectable } from '@nestjs/common';
import { versionedFlightKey, type ScheduledFlightState } from '@pss/contracts';
import { EventConsumer, ScheduleFollower, type Followed } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import { CatchUp } from '@pss/registry-client';
import { DataSource, type EntityManager } from 'typeorm';

type Outcome = 'applied' | 'stale';
type FollowedVersion = Pick<ScheduledFlightState, 'flightNumber' | 'flightDate' | 'scheduleVersion'>;

/**
 * Keeps each flight and date's capacity as the schedule's newest event gives it (duplicates and
 * reordering converge). Boarding passes already issued stay valid when an aircraft shrinks: new
 * check-ins seat passengers on the new map.
 */
@Injectable()
export class ScheduleProjection extends ScheduleFollower<
  'flight.scheduled' | 'flight.bulk-scheduled' | 'flight.changed',
  Outcome
> {
  constructor(consumer: EventConsumer, metrics: MetricsService, catchUp: CatchUp, dataSource: DataSource) {
    super(
      consumer,
      metrics.registry,
      { catchUp, dataSource },
      {
        events: ['flight.scheduled', 'flight.bulk-scheduled', 'flight.changed'],
        metric: {
          name: 'checkin_schedule_events_total',
          help: "The schedule's events, each giving a flight's seat map",
        },
      },
    );
  }

  /** One statement for all of them; a flight listed twice counts at its newest version. */
  protected async follow(
    flights: readonly ScheduledFlightState[],
    manager: EntityManager,
  ): Promise<Followed<Outcome, never>[]> {
    const column = <K extends keyof ScheduledFlightState>(key: K) => flights.map((flight) => flight[key]);
    const written: FollowedVersion[] = await manager.query(
      `INSERT INTO scheduled_flights AS flight (flight_number, flight_date, capacity, schedule_version)
       SELECT DISTINCT ON (flight_number, flight_date) flight_number, flight_date, capacity, schedule_version
         FROM unnest($1::text[], $2::date[], $3::int[], $4::int[])
              AS event(flight_number, flight_date, capacity, schedule_version)
        ORDER BY flight_number, flight_date, schedule_version DESC
       ON CONFLICT (flight_number, flight_date) DO UPDATE
          SET capacity = EXCLUDED.capacity, schedule_version = EXCLUDED.schedule_version
        WHERE flight.schedule_version < EXCLUDED.schedule_version
       RETURNING flight.flight_number AS "flightNumber", flight.flight_date::text AS "flightDate",
                 flight.schedule_version AS "scheduleVersion"`,
      [column('flightNumber'), column('flightDate'), column('capacity'), column('scheduleVersion')],
    );
    const applied = new Set(written.map((row) => versionedFlightKey(row)));
    return flights.map((flight) => ({
      outcome: applied.has(versionedFlightKey(flight)) ? 'applied' : 'stale',
    }));
  }
}
