import type { PssIntegrationEvent } from '@pss/contracts';
import { connect } from 'amqplib';

/** How long the queue must stay quiet for it to count as drained. */
const QUIET_MS = 500;

/**
 * Takes every event waiting in `queue` (acknowledging it), in queue order, until none has arrived
 * for half a second: for tests that check what a service published, reading the queue its consumer
 * would read. Consumed with a prefetch window, not one `basic.get` at a time: a seeded schedule
 * queues thousands, and a get from a quorum queue takes tens of milliseconds.
 */
export async function takeQueuedEvents(brokerUrl: string, queue: string): Promise<PssIntegrationEvent[]> {
  const connection = await connect(brokerUrl);
  try {
    const channel = await connection.createChannel();
    await channel.prefetch(500);
    const events: PssIntegrationEvent[] = [];
    await new Promise<void>((resolve, reject) => {
      let quiet = setTimeout(resolve, QUIET_MS);
      channel.on('error', reject);
      void channel.consume(queue, (message) => {
        if (!message) return;
        events.push(JSON.parse(message.content.toString('utf8')) as PssIntegrationEvent);
        channel.ack(message);
        clearTimeout(quiet);
        quiet = setTimeout(resolve, QUIET_MS);
      });
    });
    await channel.close();
    return events;
  } finally {
    await connection.close();
  }
}
