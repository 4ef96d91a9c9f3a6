import { waitUntil } from '@pss/testing';
import { connect } from 'amqplib';
import type { ChildProcess } from 'node:child_process';
import { DEFAULT_PREFETCH, DELIVERY_LIMIT, deadLetterQueueFor } from '../src';
import { kill, startConsumerProcess } from './test-processes';
import {
  createMessaging,
  effectCounts,
  testConsumer,
  unsentCount,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

const EVENTS = 1_000;
// One crash more than the queue's delivery limit: a message held at every crash would be dead-lettered.
const CRASHES = DELIVERY_LIMIT + 1;
// Each life applies this many events at least before it dies: enough to get through the prefetch
// window before a message held in it runs out of deliveries (RabbitMQ 4.0 counts a return at a
// crash as one). A consumer that applies fewer per life can dead-letter healthy events.
const EVENTS_PER_LIFE = Math.ceil(DEFAULT_PREFETCH / DELIVERY_LIMIT);
// The consumer dies this long after it starts consuming (or once it applied EVENTS_PER_LIFE, if
// later), its handler taking 30 ms per event.
const LIFE_MS = 300;
const SLOW_HANDLER = { HANDLER_DELAY_MS: '30' };

describe('a consumer that crash-loops', () => {
  let context: SharedContainersContext;
  let relay: Messaging;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    context = await useSharedContainers();
    relay = createMessaging(context.dataSource, context.brokerUrl);
    relay.relay.start();
  });

  afterAll(async () => {
    if (child) await kill(child);
    await relay?.close();
    await context?.close();
  });

  const applied = async () => (await effectCounts(context.dataSource)).applied;

  it(`dead-letters nothing healthy after ${CRASHES} crashes with ${EVENTS} events queued`, async () => {
    await writeEvents(context.dataSource, EVENTS, { aggregates: 40, perTransaction: 50 });
    await waitUntil(
      'every event in the queue',
      async () => (await unsentCount(context.dataSource)) === 0,
      60_000,
    );
    const progress: number[] = [];
    for (let crash = 0; crash < CRASHES; crash++) {
      const before = await applied();
      child = await startConsumerProcess(context.databaseUrl, context.brokerUrl, SLOW_HANDLER);
      await new Promise((resolve) => setTimeout(resolve, LIFE_MS));
      // A life that applies nothing is the poison-message case, which the delivery limit exists to
      // end; on a loaded machine a short life can be one, so each life lasts until it made progress.
      await waitUntil(
        `life ${crash + 1} to apply ${EVENTS_PER_LIFE} events`,
        async () => (await applied()) >= Math.min(before + EVENTS_PER_LIFE, EVENTS),
        60_000,
      );
      await kill(child);
      progress.push(await applied());
    }
    console.log(`applied after each of the ${CRASHES} crashes: ${progress.join(', ')}`);

    child = await startConsumerProcess(context.databaseUrl, context.brokerUrl);
    await waitUntil(
      async () => `all applied (${await applied()})`,
      async () => (await applied()) >= EVENTS,
      60_000,
    );
    expect(await effectCounts(context.dataSource)).toEqual({ applied: EVENTS, distinct: EVENTS });
    const inspector = await connect(context.brokerUrl);
    try {
      const channel = await inspector.createChannel();
      expect((await channel.checkQueue(deadLetterQueueFor(testConsumer))).messageCount).toBe(0);
    } finally {
      await inspector.close();
    }
  }, 300_000);
});
