import type {
  BookingCancelledEvent,
  BookingConfirmedEvent,
  InventoryBulkChangedEvent,
  InventoryChangedEvent,
} from './booking-events';
import type { CheckinCompletedEvent } from './checkin-events';
import type { FareBulkChangedEvent, FareChangedEvent } from './fare-events';
import type { FlightChangedEvent, FlightScheduledEvent, FlightBulkScheduledEvent } from './flight-events';

/** Every integration event PSS publishes. */
export type PssIntegrationEvent =
  | FlightScheduledEvent
  | FlightBulkScheduledEvent
  | FlightChangedEvent
  | BookingConfirmedEvent
  | BookingCancelledEvent
  | InventoryChangedEvent
  | InventoryBulkChangedEvent
  | CheckinCompletedEvent
  | FareChangedEvent
  | FareBulkChangedEvent;
export type PssEventType = PssIntegrationEvent['type'];
export type PssEventOfType<TType extends PssEventType> = Extract<PssIntegrationEvent, { type: TType }>;

export const pssEventTypes = [
  'flight.scheduled',
  'flight.bulk-scheduled',
  'flight.changed',
  'booking.confirmed',
  'booking.cancelled',
  'booking.inventory-changed',
  'booking.bulk-inventory-changed',
  'checkin.completed',
  'fare.changed',
  'fare.bulk-changed',
] as const satisfies readonly PssEventType[];

/**
 * Who consumes what: each consuming service gets one durable queue bound to these routing keys.
 * Every service declares all of them at start-up, so an event published before its consumer ever
 * ran still has a queue to wait in.
 */
export const pssEventSubscriptions = {
  fares: ['flight.scheduled', 'flight.bulk-scheduled'],
  search: [
    'booking.confirmed',
    'booking.cancelled',
    'booking.inventory-changed',
    'booking.bulk-inventory-changed',
    'fare.changed',
    'fare.bulk-changed',
  ],
  booking: [
    'flight.scheduled',
    'flight.bulk-scheduled',
    'flight.changed',
    'checkin.completed',
    'fare.changed',
    'fare.bulk-changed',
  ],
  checkin: ['flight.scheduled', 'flight.bulk-scheduled', 'flight.changed'],
} as const satisfies Record<string, readonly PssEventType[]>;
