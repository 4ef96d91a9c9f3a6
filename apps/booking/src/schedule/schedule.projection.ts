import { Injectable, Logger } from '@nestjs/common';
import type { FlightChangedEvent, FlightScheduledEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';

export type ScheduleOutcome = 'applied' | 'stale' | 'capacity_below_sold';

const APPLY = `
  INSERT INTO inventories AS inventory (flight_number, flight_date, origin, destination, capacity,
                                        schedule_version)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (flight_number, flight_date) DO UPDATE
     SET origin = EXCLUDED.origin, destination = EXCLUDED.destination,
         capacity = GREATEST(EXCLUDED.capacity, inventory.seats_sold),
         schedule_version = EXCLUDED.schedule_version
   WHERE inventory.schedule_version < EXCLUDED.schedule_version
  RETURNING inventory.capacity > $5 AS "belowSold"`;

/**
 * Opens an inventory for each flight the schedule announces, and follows its changes when the
 * event is newer than what the inventory was made from. Seats sold are booking's and stay: an
 * aircraft smaller than the seats already sold keeps capacity at the seats sold (nothing more is
 * sold), and the outcome is counted for an operator, since search refuses such a change when it
 * knows of the sales.
 */
@Injectable()
export class ScheduleProjection extends Projection<'flight.scheduled' | 'flight.changed', ScheduleOutcome> {
  private readonly logger = new Logger(ScheduleProjection.name);

  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['flight.scheduled', 'flight.changed'],
      metric: {
        name: 'booking_schedule_events_total',
        help: "The schedule's events, each opening or changing a flight's inventory",
      },
    });
  }

  async apply(
    event: FlightScheduledEvent | FlightChangedEvent,
    manager: EntityManager,
  ): Promise<ScheduleOutcome> {
    const { flightNumber, flightDate, origin, destination, capacity, scheduleVersion } = event.payload;
    const [written] = (await manager.query(APPLY, [
      flightNumber,
      flightDate,
      origin,
      destination,
      capacity,
      scheduleVersion,
    ])) as { belowSold: boolean }[];
    if (!written) return 'stale';
    if (!written.belowSold) return 'applied';
    this.logger.warn(
      `${event.type} ${event.id} gives ${flightNumber} on ${flightDate} ${capacity} seats, fewer than booking sold`,
    );
    return 'capacity_below_sold';
  }
}
