import { waitUntil } from '@pss/testing';
import { connect } from 'amqplib';
import type { ChildProcess } from 'node:child_process';
import { DEFAULT_CONCURRENCY, DELIVERY_LIMIT, deadLetterQueueFor } from '../src';
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
// RabbitMQ 4.0 counts the return of every message a crashed consumer held (the prefetch window) as
// a delivery. A consumer keeps healthy events clear of the limit only if each life commits a batch
// in every lane, so a batch must take less time than a life (the maxBatch option's rule): here
// 5 events of 30 ms, in lives of 300 ms at least. On a loaded machine a life lasts until it applied
// a batch's worth per lane; a life that applies nothing is the poison-message case, which the
// delivery limit exists to end.
const MAX_BATCH = 5;
const SLOW_CONSUMER = { HANDLER_DELAY_MS: '30', MAX_BATCH: String(MAX_BATCH) };
const LIFE_MS = 300;
const EVENTS_PER_LIFE = DEFAULT_CONCURRENCY * MAX_BATCH;

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
      child = await startConsumerProcess(context.databaseUrl, context.brokerUrl, SLOW_CONSUMER);
      await new Promise((resolve) => setTimeout(resolve, LIFE_MS));
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
