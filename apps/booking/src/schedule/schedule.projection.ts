import { Injectable, Logger } from '@nestjs/common';
import {
  createIntegrationEvent,
  flightKey,
  type InventoryState,
  type ScheduledFlightState,
} from '@pss/contracts';
import { EventConsumer, OutboxWriter, ScheduleFollower, type Followed } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import { CatchUp } from '@pss/registry-client';
import { DataSource, type EntityManager } from 'typeorm';
import { SeatInventory } from '../inventory/seat-inventory';

export type ScheduleOutcome = 'applied' | 'stale' | 'capacity_below_sold';

/**
 * Opens an inventory for each flight the schedule announces, and follows its changes when the
 * event is newer than what the inventory was made from, telling search the seats for sale
 * (`booking.inventory-changed`, in the same transaction; for a bulk load's day,
 * `flight.bulk-scheduled`, one `booking.bulk-inventory-changed`). Seats sold are booking's and
 * stay: an aircraft smaller than the seats already sold keeps capacity at the seats sold (nothing
 * more is sold), and the outcome is counted for an operator, since search refuses such a change
 * when it knows of the sales.
 */
@Injectable()
export class ScheduleProjection extends ScheduleFollower<
  'flight.scheduled' | 'flight.bulk-scheduled' | 'flight.changed',
  ScheduleOutcome,
  InventoryState
> {
  private readonly logger = new Logger(ScheduleProjection.name);

  constructor(
    consumer: EventConsumer,
    metrics: MetricsService,
    catchUp: CatchUp,
    dataSource: DataSource,
    private readonly inventory: SeatInventory,
    private readonly outbox: OutboxWriter,
  ) {
    super(
      consumer,
      metrics.registry,
      { catchUp, dataSource },
      {
        events: ['flight.scheduled', 'flight.bulk-scheduled', 'flight.changed'],
        metric: {
          name: 'booking_schedule_events_total',
          help: "The schedule's events, each opening or changing a flight's inventory",
        },
      },
    );
  }

  /** Opens or changes the flights' inventories; the news of each is its seats for sale from then on. */
  protected async follow(
    flights: readonly ScheduledFlightState[],
    manager: EntityManager,
  ): Promise<Followed<ScheduleOutcome, InventoryState>[]> {
    const changes = await this.inventory.followSchedule(manager, flights);
    return flights.map((flight, i) => {
      const change = changes[i];
      if (!change) return { outcome: 'stale' };
      const { flightNumber, flightDate, capacity, scheduleVersion } = flight;
      const news = {
        flightNumber,
        flightDate,
        remainingSeats: change.remainingSeats,
        inventoryVersion: change.inventoryVersion,
      };
      if (!change.belowSold) return { outcome: 'applied', news };
      this.logger.warn(
        `schedule version ${scheduleVersion} gives ${flightNumber} on ${flightDate} ${capacity} seats, fewer than booking sold`,
      );
      return { outcome: 'capacity_below_sold', news };
    });
  }

  protected override async announce(
    inventories: InventoryState[],
    manager: EntityManager,
    bulk: boolean,
  ): Promise<void> {
    if (bulk) {
      const event = createIntegrationEvent('booking.bulk-inventory-changed', { inventories });
      await this.outbox.write(manager, event, `inventories/${inventories[0].flightDate}`);
    } else {
      const [seats] = inventories;
      await this.outbox.write(
        manager,
        createIntegrationEvent('booking.inventory-changed', seats),
        flightKey(seats),
      );
    }
  }
}
