import type { PssIntegrationEvent } from '@pss/contracts';
import { pssEventSubscriptions } from '@pss/contracts';
import { BrokerConnection } from '../broker/broker-connection';
import { EventPublisher } from '../broker/event-publisher';

/**
 * The aggregate an event belongs to, as its publisher names it: a flight and date, a booking, or
 * for a bulk event the day of its items.
 */
function aggregateOf({ payload }: PssIntegrationEvent): string {
  if ('flightNumber' in payload) return `${payload.flightNumber}/${payload.flightDate}`;
  if ('bookingId' in payload) return payload.bookingId;
  const [first] =
    'flights' in payload ? payload.flights : 'fares' in payload ? payload.fares : payload.inventories;
  return `bulk/${first.flightDate}`;
}

/**
 * Publishes events to `pss.events` the way a service's outbox relay does (persistent, confirmed,
 * with their aggregate id), for tests that play the service on the other side.
 */
export async function publishEvents(
  brokerUrl: string,
  events: readonly PssIntegrationEvent[],
): Promise<void> {
  const broker = new BrokerConnection({ url: brokerUrl, connectionName: 'test-publisher' });
  const publisher = new EventPublisher(broker, pssEventSubscriptions);
  try {
    await publisher.publishAll(
      events.map((event) => ({
        id: event.id,
        type: event.type,
        aggregateId: aggregateOf(event),
        body: JSON.stringify(event),
      })),
    );
  } finally {
    await publisher.close();
    await broker.close();
  }
}
