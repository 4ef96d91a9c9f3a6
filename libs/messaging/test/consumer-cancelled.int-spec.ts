import { waitUntil } from '@pss/testing';
import { queueFor } from '../src';
import {
  createMessaging,
  effectCounts,
  startRecording,
  testConsumer,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('a consumer whose queue is deleted under it (an operator, a policy)', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl);
    startRecording(messaging);
  });

  afterAll(async () => {
    await messaging?.close();
    await context?.close();
  });

  const applied = async () => (await effectCounts(context.dataSource)).applied;

  const queueExists = async () => (await context.vhost.queueNames()).includes(queueFor(testConsumer));

  it('declares its queue again and applies the events published after, on the same connection', async () => {
    await writeEvents(context.dataSource, 10, { prefix: 'before' });
    await waitUntil(
      async () => `10 applied (${await applied()})`,
      async () => (await applied()) === 10,
      30_000,
    );

    await context.vhost.deleteQueue(queueFor(testConsumer));
    await waitUntil('the consumer to declare its queue again', queueExists, 10_000);

    await writeEvents(context.dataSource, 10, { prefix: 'after' });
    await waitUntil(
      async () => `20 applied (${await applied()})`,
      async () => (await applied()) === 20,
      30_000,
    );
    expect(await effectCounts(context.dataSource)).toEqual({ applied: 20, distinct: 20 });
    expect(messaging.broker.isConnected()).toBe(true);
  });
});
