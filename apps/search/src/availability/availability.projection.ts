import { Injectable, Logger } from '@nestjs/common';
import type { BookingCancelledEvent, BookingConfirmedEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';
import { ROUTE_CHANGES_CHANNEL, routeKey } from '../flights/route-cache';

type InventoryEvent = BookingConfirmedEvent | BookingCancelledEvent;
type Outcome = 'applied' | 'stale' | 'unknown_flight';

// Only a newer inventory version moves the seats: duplicates and late arrivals change nothing.
const APPLY_NEWER = `
  UPDATE flights SET seats_available = $3, inventory_version = $4
   WHERE flight_number = $1 AND flight_date = $2 AND inventory_version < $4
  RETURNING origin, destination, flight_date`;

/**
 * Search's copy of booking's seats: each `booking.confirmed` or `booking.cancelled` carries the
 * seats left and the inventory version after the change; the newest version per flight and date
 * wins, whatever order the events arrive in. An event for a flight search does not have is kept in
 * `unknown_flight_events` and counted, not retried.
 */
@Injectable()
export class AvailabilityProjection extends Projection<InventoryEvent['type'], Outcome> {
  private readonly logger = new Logger(AvailabilityProjection.name);

  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['booking.confirmed', 'booking.cancelled'],
      metric: {
        name: 'search_inventory_events_total',
        help: "Booking's inventory events by what they did: applied, stale (an older version) or unknown_flight",
      },
    });
  }

  async apply(event: InventoryEvent, manager: EntityManager): Promise<Outcome> {
    const { flightNumber, flightDate, remainingSeats, inventoryVersion } = event.payload;
    // For an UPDATE, TypeORM answers [returned rows, affected count].
    const [records] = (await manager.query(APPLY_NEWER, [
      flightNumber,
      flightDate,
      remainingSeats,
      inventoryVersion,
    ])) as [{ origin: string; destination: string }[], number];
    const outcome: Outcome =
      records.length > 0
        ? 'applied'
        : (await this.exists(manager, flightNumber, flightDate))
          ? 'stale'
          : 'unknown_flight';
    if (outcome === 'applied') {
      const [{ origin, destination }] = records;
      await manager.query('SELECT pg_notify($1, $2)', [
        ROUTE_CHANGES_CHANNEL,
        routeKey(origin, destination, flightDate),
      ]);
    }
    if (outcome === 'unknown_flight') {
      this.logger.warn(
        `${event.type} ${event.id} is for ${flightNumber} on ${flightDate}, which search does not have`,
      );
      await manager.query(
        `INSERT INTO unknown_flight_events (event_id, event_type, flight_number, flight_date)
         VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.type, flightNumber, flightDate],
      );
    }
    return outcome;
  }

  private async exists(manager: EntityManager, flightNumber: string, flightDate: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM flights WHERE flight_number = $1 AND flight_date = $2', [
      flightNumber,
      flightDate,
    ]);
    return rows.length > 0;
  }
}
