import { waitUntil } from '@pss/testing';
import { connect, type ChannelModel, type GetMessage } from 'amqplib';
import { deadLetterHeaders, deadLetterQueueFor, EVENTS_EXCHANGE, type ProcessedMessage } from '../src';
import {
  createMessaging,
  effectCounts,
  recordEffect,
  testConsumer,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('a message that keeps failing', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;
  let inspector: ChannelModel;
  const processed: ProcessedMessage[] = [];
  /** The events whose handler's after-commit step ran (what a projection counts on /metrics). */
  const committed: string[] = [];

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl, {
      consumer: { maxAttempts: 3, retry: { initialMs: 10, maxMs: 50 } },
    });
    messaging.consumer.handle('booking.confirmed', async (event, manager) => {
      await recordEffect(manager, event); // rolled back with the failure below
      if (event.payload.remainingSeats === 13) throw new Error('seat map unavailable for BF101');
      return () => committed.push(event.id);
    });
    messaging.consumer.onProcessed((message) => processed.push(message));
    messaging.relay.start();
    messaging.consumer.start();
    inspector = await connect(context.brokerUrl);
  });

  afterAll(async () => {
    await inspector?.close();
    await messaging?.close();
    await context?.close();
  });

  async function nextDeadLetter(): Promise<GetMessage> {
    const channel = await inspector.createChannel();
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const message = await channel.get(deadLetterQueueFor(testConsumer));
        if (message) {
          channel.ack(message);
          return message;
        }
        if (Date.now() > deadline) throw new Error('nothing arrived in the dead-letter queue');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await channel.close();
    }
  }

  it('goes to the dead-letter queue with the reason after N attempts; the others are applied', async () => {
    // 40 events over 4 aggregates; event 13 belongs to the aggregate of 1, 5, 9, 17, 21, …
    const events = await writeEvents(context.dataSource, 40, { aggregates: 4 });
    const poison = events[13];
    await waitUntil('40 deliveries handled', async () => processed.length >= 40, 30_000);

    expect(await effectCounts(context.dataSource)).toEqual({ applied: 39, distinct: 39 });
    // Where the poison shared a batch, the batch was rolled back and its other events applied
    // again one by one: each after-commit step still ran once, for the application that committed.
    expect(committed).toHaveLength(39);
    expect(new Set(committed)).toEqual(
      new Set(events.filter((event) => event !== poison).map(({ id }) => id)),
    );
    const applied = await context.dataSource.query('SELECT 1 FROM applied_effects WHERE event_id = $1', [
      poison.id,
    ]);
    expect(applied).toEqual([]);
    expect(processed.filter((message) => message.outcome === 'dead-lettered')).toEqual([
      expect.objectContaining({ eventId: poison.id, reason: 'seat map unavailable for BF101' }),
    ]);

    const deadLetter = await nextDeadLetter();
    expect(JSON.parse(deadLetter.content.toString())).toEqual(poison);
    expect(deadLetter.properties.headers).toMatchObject({
      [deadLetterHeaders.reason]: 'seat map unavailable for BF101',
      [deadLetterHeaders.attempts]: 3,
      [deadLetterHeaders.consumer]: testConsumer,
      [deadLetterHeaders.routingKey]: 'booking.confirmed',
    });
  });

  it('goes to the dead-letter queue at once when it is not a valid event', async () => {
    const channel = await inspector.createConfirmChannel();
    channel.publish(EVENTS_EXCHANGE, 'booking.confirmed', Buffer.from('{"type":"booking.confirmed"'));
    await channel.waitForConfirms();
    await channel.close();

    const deadLetter = await nextDeadLetter();
    expect(deadLetter.content.toString()).toBe('{"type":"booking.confirmed"');
    expect(deadLetter.properties.headers?.[deadLetterHeaders.reason]).toMatch(/^malformed: /);
    expect(deadLetter.properties.headers?.[deadLetterHeaders.attempts]).toBe(0);
  });
});
