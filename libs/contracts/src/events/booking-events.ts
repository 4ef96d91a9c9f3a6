import type { InventoryState } from '../dto/snapshots';
import type { IntegrationEvent } from './integration-event';

/** What booking tells others about a flight's seats when a booking is confirmed or cancelled. */
export interface BookingInventoryPayload {
  bookingId: string;
  flightNumber: string;
  /** YYYY-MM-DD */
  flightDate: string;
  /** Seats taken by the confirmation, or released by the cancellation. */
  seats: number;
  /** Seats still for sale on that flight and date after this change (authoritative). */
  remainingSeats: number;
  /**
   * The version of that flight and date's inventory after this change: it grows with every change,
   * so a consumer that receives events twice or out of order keeps the one with the highest.
   */
  inventoryVersion: number;
}

export type BookingConfirmedEvent = IntegrationEvent<'booking.confirmed', BookingInventoryPayload>;
export type BookingCancelledEvent = IntegrationEvent<'booking.cancelled', BookingInventoryPayload>;

/**
 * What booking tells others when it opens a flight's inventory (the schedule announced the flight)
 * or the schedule changes its capacity: the seats for sale from then on, at the inventory's version.
 */
export type InventoryChangedEvent = IntegrationEvent<'booking.inventory-changed', InventoryState>;

/** The inventories booking opened for a bulk load's day (`flight.bulk-scheduled`), each as `booking.inventory-changed` says it. */
export interface InventoryBulkChangedPayload {
  inventories: InventoryState[];
}
export type InventoryBulkChangedEvent = IntegrationEvent<
  'booking.bulk-inventory-changed',
  InventoryBulkChangedPayload
>;
