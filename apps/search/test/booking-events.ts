import { createIntegrationEvent, type BookingConfirmedEvent } from '@pss/contracts';

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
