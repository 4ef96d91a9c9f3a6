import { Injectable, Logger } from '@nestjs/common';
import {
  createIntegrationEvent,
  SCHEDULE_SNAPSHOT,
  type FlightChangedEvent,
  type FlightScheduledEvent,
  type FlightBulkScheduledEvent,
  type ScheduledFlightState,
} from '@pss/contracts';
import { EventConsumer, followEach, OutboxWriter, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import { CatchUp } from '@pss/registry-client';
import { DataSource, type EntityManager } from 'typeorm';
import { SeatInventory } from '../inventory/seat-inventory';

export type ScheduleOutcome = 'applied' | 'stale' | 'capacity_below_sold';

/**
 * Opens an inventory for each flight the schedule announces (one by one, or a day's at once), and follows its changes when the
 * event is newer than what the inventory was made from, telling search the seats for sale
 * (`booking.inventory-changed`, in the same transaction). Seats sold are booking's and stay: an
 * aircraft smaller than the seats already sold keeps capacity at the seats sold (nothing more is
 * sold), and the outcome is counted for an operator, since search refuses such a change when it
 * knows of the sales. A new or wiped database catches up from the schedule's snapshot.
 */
@Injectable()
export class ScheduleProjection extends Projection<
  'flight.scheduled' | 'flight.bulk-scheduled' | 'flight.changed',
  ScheduleOutcome
> {
  private readonly logger = new Logger(ScheduleProjection.name);

  constructor(
    consumer: EventConsumer,
    metrics: MetricsService,
    private readonly catchUp: CatchUp,
    private readonly dataSource: DataSource,
    private readonly inventory: SeatInventory,
    private readonly outbox: OutboxWriter,
  ) {
    super(consumer, metrics.registry, {
      events: ['flight.scheduled', 'flight.bulk-scheduled', 'flight.changed'],
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

  apply(
    event: FlightScheduledEvent | FlightBulkScheduledEvent | FlightChangedEvent,
    manager: EntityManager,
  ): Promise<ScheduleOutcome | ScheduleOutcome[]> {
    if (event.type === 'flight.bulk-scheduled')
      return followEach(event.payload.flights, (flight) => this.follow(flight, manager));
    return this.follow(event.payload, manager);
  }

  private async follow(flight: ScheduledFlightState, manager: EntityManager): Promise<ScheduleOutcome> {
    const change = await this.inventory.followSchedule(manager, flight);
    if (!change) return 'stale';
    const { flightNumber, flightDate, capacity, scheduleVersion } = flight;
    const { remainingSeats, inventoryVersion } = change;
    await this.outbox.write(
      manager,
      createIntegrationEvent('booking.inventory-changed', {
        flightNumber,
        flightDate,
        remainingSeats,
        inventoryVersion,
      }),
      `${flightNumber}/${flightDate}`,
    );
    if (!change.belowSold) return 'applied';
    this.logger.warn(
      `schedule version ${scheduleVersion} gives ${flightNumber} on ${flightDate} ${capacity} seats, fewer than booking sold`,
    );
    return 'capacity_below_sold';
  }
}
