import { createIntegrationEvent, pssEventSubscriptions, type BookingConfirmedEvent } from '@pss/contracts';
import { BrokerConnection, EventPublisher } from '@pss/messaging';

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

/** Publishes events to `pss.events` as booking's relay does: persistent, confirmed, with their aggregate. */
export async function publishEvents(
  brokerUrl: string,
  events: readonly BookingConfirmedEvent[],
): Promise<void> {
  const broker = new BrokerConnection({ url: brokerUrl, connectionName: 'test-booking' });
  const publisher = new EventPublisher(broker, pssEventSubscriptions);
  try {
    await publisher.publishAll(
      events.map((event) => ({
        id: event.id,
        type: event.type,
        aggregateId: `${event.payload.flightNumber}/${event.payload.flightDate}`,
        body: JSON.stringify(event),
      })),
    );
  } finally {
    await publisher.close();
    await broker.close();
  }
}
