import { Injectable } from '@nestjs/common';
import {
  SCHEDULE_SNAPSHOT,
  type FlightChangedEvent,
  type FlightScheduledEvent,
  type ScheduledFlightState,
} from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import { CatchUp } from '@pss/registry-client';
import { DataSource, type EntityManager } from 'typeorm';

type Outcome = 'applied' | 'stale';

/**
 * Keeps each flight and date's capacity as the schedule's newest event gives it (duplicates and
 * reordering converge). Boarding passes already issued stay valid when an aircraft shrinks: new
 * check-ins seat passengers on the new map. A new or wiped database catches up from the schedule's
 * snapshot.
 */
@Injectable()
export class ScheduleProjection extends Projection<'flight.scheduled' | 'flight.changed', Outcome> {
  constructor(
    consumer: EventConsumer,
    metrics: MetricsService,
    private readonly catchUp: CatchUp,
    private readonly dataSource: DataSource,
  ) {
    super(consumer, metrics.registry, {
      events: ['flight.scheduled', 'flight.changed'],
      metric: {
        name: 'checkin_schedule_events_total',
        help: "The schedule's events, each giving a flight's seat map",
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

  apply(event: FlightScheduledEvent | FlightChangedEvent, manager: EntityManager): Promise<Outcome> {
    return this.follow(event.payload, manager);
  }

  private async follow(flight: ScheduledFlightState, manager: EntityManager): Promise<Outcome> {
    const { flightNumber, flightDate, capacity, scheduleVersion } = flight;
    const written = await manager.query(
      `INSERT INTO scheduled_flights AS flight (flight_number, flight_date, capacity, schedule_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (flight_number, flight_date) DO UPDATE
          SET capacity = EXCLUDED.capacity, schedule_version = EXCLUDED.schedule_version
        WHERE flight.schedule_version < EXCLUDED.schedule_version
       RETURNING 1`,
      [flightNumber, flightDate, capacity, scheduleVersion],
    );
    return written.length > 0 ? 'applied' : 'stale';
  }
}
