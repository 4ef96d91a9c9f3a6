import { Injectable } from '@nestjs/common';
import type { FlightChangedEvent, FlightScheduledEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';

/**
 * Keeps each flight and date's capacity as the schedule's newest event gives it (duplicates and
 * reordering converge). Boarding passes already issued stay valid when an aircraft shrinks: new
 * check-ins seat passengers on the new map.
 */
@Injectable()
export class ScheduleProjection extends Projection<
  'flight.scheduled' | 'flight.changed',
  'applied' | 'stale'
> {
  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['flight.scheduled', 'flight.changed'],
      metric: {
        name: 'checkin_schedule_events_total',
        help: "The schedule's events, each giving a flight's seat map",
      },
    });
  }

  async apply(
    event: FlightScheduledEvent | FlightChangedEvent,
    manager: EntityManager,
  ): Promise<'applied' | 'stale'> {
    const { flightNumber, flightDate, capacity, scheduleVersion } = event.payload;
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
