import { waitUntil } from '@pss/testing';
import { queueFor } from '../src';
import {
  createMessaging,
  effectCounts,
  recordEffect,
  testConsumer,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

// RabbitMQ closes the channel of a consumer that holds a delivery unacknowledged for longer than
// the queue's consumer timeout (30 minutes by default): what a database outage that long does to a
// consumer retrying its event. Here it is 5 s (long enough for the management API, whose statistics
// come every 5 s, to list the consumer before it ends), and the test broker checks it every second.
// amqp-connection-manager opens a channel again only on a new connection; what makes one is
// amqplib, which turns a channel error that nothing listens for into its connection's error. So
// nothing may listen for a raw channel's 'error' (to log it, say) without reopening the channel.
const CONSUMER_TIMEOUT_MS = 5_000;

describe('a consumer holding a delivery past the broker’s acknowledgement timeout (a long database outage)', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;
  let release: (() => void) | undefined;

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl);
  });

  afterAll(async () => {
    release?.();
    await messaging?.close();
    await context?.close();
  });

  const applied = async () => (await effectCounts(context.dataSource)).applied;

  it('consumes again on a new channel once the broker closed its own, and applies every event once', async () => {
    await context.vhost.setQueuePolicy('short-consumer-timeout', { 'consumer-timeout': CONSUMER_TIMEOUT_MS });
    let holding = false;
    const released = new Promise<void>((resolve) => (release = resolve));
    messaging.consumer.handle('booking.confirmed', async (event, manager) => {
      if (event.payload.bookingId.startsWith('held')) {
        holding = true;
        await released;
      }
      await recordEffect(manager, event);
    });
    messaging.relay.start();
    messaging.consumer.start();
    const queue = queueFor(testConsumer);

    await writeEvents(context.dataSource, 1, { prefix: 'held' });
    await waitUntil('the consumer to hold its delivery', async () => holding, 30_000);
    // The management API lists consumers from statistics that lag a few seconds.
    let heldBy = '';
    await waitUntil(
      'the broker to list the consumer holding it',
      async () => {
        heldBy = (await context.vhost.consumerTags(queue))[0] ?? '';
        return heldBy !== '';
      },
      30_000,
    );
    await waitUntil(
      'the broker to end the consumer that held it',
      async () => !(await context.vhost.consumerTags(queue)).includes(heldBy),
      30_000,
    );
    release?.();

    await writeEvents(context.dataSource, 10, { prefix: 'after' });
    await waitUntil(
      async () => `11 applied (${await applied()}), consumers: ${await context.vhost.consumerTags(queue)}`,
      async () => (await applied()) === 11,
      30_000,
    );
    expect(await effectCounts(context.dataSource)).toEqual({ applied: 11, distinct: 11 });
  });
});
