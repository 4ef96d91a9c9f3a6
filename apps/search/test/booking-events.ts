import {
  createIntegrationEvent,
  type BookingConfirmedEvent,
  type InventoryChangedEvent,
} from '@pss/contracts';

export interface InventoryChange {
  flightNumber: string;
  flightDate: string;
  remainingSeats: number;
  inventoryVersion: number;
}

/** A `booking.confirmed` event as booking publishes it. */
export const inventoryEvent = (change: InventoryChange): BookingConfirmedEvent =>
  createIntegrationEvent('booking.confirmed', {
    bookingId: `booking-${change.inventoryVersion}`,
    seats: 1,
    ...change,
  });

/** A `booking.inventory-changed` event as booking publishes it when it opens a flight's inventory. */
export const inventoryOpenedEvent = (change: InventoryChange): InventoryChangedEvent =>
  createIntegrationEvent('booking.inventory-changed', change);
