import { waitUntil } from '@pss/testing';
import { queueFor } from '../src';
import {
  createMessaging,
  effectCounts,
  recordEffect,
  testConsumer,
  unsentCount,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('events published while their consumer’s queue is gone (deleted while that service is down)', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl);
    messaging.consumer.handle('booking.confirmed', (event, manager) => recordEffect(manager, event));
  });

  afterAll(async () => {
    await messaging?.close();
    await context?.close();
  });

  it('are not lost: the relay sends them again into the queue declared anew, and each is applied once', async () => {
    messaging.relay.start();
    await messaging.publisher.open().waitForConnect();
    await context.vhost.deleteQueue(queueFor(testConsumer));

    await writeEvents(context.dataSource, 10);
    await waitUntil(
      async () => `every event confirmed by the broker (${await unsentCount(context.dataSource)} unsent)`,
      async () => (await unsentCount(context.dataSource)) === 0,
      30_000,
    );
    messaging.consumer.start();
    await waitUntil(
      async () => `10 applied (${(await effectCounts(context.dataSource)).applied})`,
      async () => (await effectCounts(context.dataSource)).applied === 10,
      30_000,
    );
    expect(await effectCounts(context.dataSource)).toEqual({ applied: 10, distinct: 10 });
  });
});
