import type { PssIntegrationEvent } from '@pss/contracts';
import { connect } from 'amqplib';

/**
 * Takes every event waiting in `queue` (acknowledging it), in queue order: for tests that check
 * what a service published, reading the queue its consumer would read.
 */
export async function takeQueuedEvents(brokerUrl: string, queue: string): Promise<PssIntegrationEvent[]> {
  const connection = await connect(brokerUrl);
  try {
    const channel = await connection.createChannel();
    const events: PssIntegrationEvent[] = [];
    for (let message = await channel.get(queue); message; message = await channel.get(queue)) {
      events.push(JSON.parse(message.content.toString('utf8')) as PssIntegrationEvent);
      channel.ack(message);
    }
    await channel.close();
    return events;
  } finally {
    await connection.close();
  }
}
