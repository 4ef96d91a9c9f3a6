import { Injectable } from '@nestjs/common';
import type {
  BookingCancelledEvent,
  BookingConfirmedEvent,
  InventoryBulkChangedEvent,
  InventoryChangedEvent,
  InventoryState,
} from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';
import { applyToFlights, type FlightEventOutcome } from '../flights/flight-event-outcome';

type InventoryEvent =
  BookingConfirmedEvent | BookingCancelledEvent | InventoryChangedEvent | InventoryBulkChangedEvent;

// Only a newer inventory version moves the seats: duplicates and late arrivals change nothing. Of a
// flight listed twice, its newest version counts.
const APPLY_NEWER = `
  UPDATE flights AS flight SET seats_available = item.seats, inventory_version = item.version
    FROM (SELECT DISTINCT ON (flight_number, flight_date) *
            FROM unnest($1::text[], $2::date[], $3::int[], $4::int[])
                 AS item(flight_number, flight_date, seats, version)
           ORDER BY flight_number, flight_date, version DESC) AS item
   WHERE flight.flight_number = item.flight_number AND flight.flight_date = item.flight_date
     AND flight.inventory_version < item.version
  RETURNING flight.flight_number AS "flightNumber", flight.flight_date::text AS "flightDate",
            flight.origin, flight.destination`;

/**
 * Search's copy of booking's seats: `booking.inventory-changed` (booking opened the flight's
 * inventory, or the schedule changed its capacity), `booking.confirmed` and `booking.cancelled` each
 * carry the seats for sale and the inventory version after the change; the newest version per flight
 * and date wins, whatever order the events arrive in. A bulk load's day of opened inventories
 * (`booking.bulk-inventory-changed`) is applied by the same statement, a day's in one.
 */
@Injectable()
export class AvailabilityProjection extends Projection<InventoryEvent['type'], FlightEventOutcome> {
  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: [
        'booking.confirmed',
        'booking.cancelled',
        'booking.inventory-changed',
        'booking.bulk-inventory-changed',
      ],
      metric: {
        name: 'search_inventory_events_total',
        help: "Booking's inventory events by what they did: applied, stale (an older version) or unknown_flight",
      },
    });
  }

  apply(event: InventoryEvent, manager: EntityManager): Promise<FlightEventOutcome[]> {
    const inventories =
      event.type === 'booking.bulk-inventory-changed' ? event.payload.inventories : [event.payload];
    return applyToFlights(manager, event, inventories, APPLY_NEWER, columnsOf);
  }
}

const columnsOf = (inventories: readonly InventoryState[]) => [
  inventories.map((item) => item.flightNumber),
  inventories.map((item) => item.flightDate),
  inventories.map((item) => item.remainingSeats),
  inventories.map((item) => item.inventoryVersion),
];
