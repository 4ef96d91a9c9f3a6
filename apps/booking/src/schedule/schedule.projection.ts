import { Injectable, Logger } from '@nestjs/common';
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
 * knows of the sales. A new or wiped database catches up from the schedule's snapshot.
 */
@Injectable()
export class ScheduleProjection extends Projection<'flight.scheduled' | 'flight.changed', ScheduleOutcome> {
  private readonly logger = new Logger(ScheduleProjection.name);

  constructor(
    consumer: EventConsumer,
    metrics: MetricsService,
    private readonly catchUp: CatchUp,
    private readonly dataSource: DataSource,
  ) {
    super(consumer, metrics.registry, {
      events: ['flight.scheduled', 'flight.changed'],
      metric: {
        name: 'booking_schedule_events_total',
        help: "The schedule's events, each opening or changing a flight's inventory",
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

  apply(event: FlightScheduledEvent | FlightChangedEvent, manager: EntityManager): Promise<ScheduleOutcome> {
    return this.follow(event.payload, manager);
  }

  private async follow(flight: ScheduledFlightState, manager: EntityManager): Promise<ScheduleOutcome> {
    const { flightNumber, flightDate, origin, destination, capacity, scheduleVersion } = flight;
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
      `schedule version ${scheduleVersion} gives ${flightNumber} on ${flightDate} ${capacity} seats, fewer than booking sold`,
    );
    return 'capacity_below_sold';
  }
}
