import { waitUntil } from '@pss/testing';
import type { ChildProcess } from 'node:child_process';
import { kill, startConsumerProcess } from './test-processes';
import { aggregatesOutOfOrder, createMessaging, effectCounts, writeEvents, type Messaging } from './harness';
import { applyMarkersAfter } from './markers';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('a consumer process killed in mid-stream', () => {
  let context: SharedContainersContext;
  let databaseUrl: string;
  let relay: Messaging;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    context = await useSharedContainers();
    databaseUrl = context.databaseUrl;
    relay = createMessaging(context.dataSource, context.brokerUrl);
    relay.relay.start();
  });

  afterAll(async () => {
    await Promise.all(children.map(kill));
    await relay?.close();
    await context?.close();
  });

  it('applies every event exactly once after it is restarted, each aggregate’s in order', async () => {
    const total = 4_000;
    children.push(await startConsumerProcess(databaseUrl, context.brokerUrl));
    const events = await writeEvents(context.dataSource, total, { aggregates: 40, perTransaction: 50 });

    await waitUntil(
      '500 applied',
      async () => (await effectCounts(context.dataSource)).applied >= 500,
      60_000,
    );
    await kill(children[0]);
    const atKill = await effectCounts(context.dataSource);
    expect(atKill.applied).toBeLessThan(total); // really in mid-stream

    children.push(await startConsumerProcess(databaseUrl, context.brokerUrl));
    await waitUntil(
      'every event applied',
      async () => (await effectCounts(context.dataSource)).applied >= total,
      90_000,
    );
    const markers = await applyMarkersAfter(context.dataSource, events); // every redelivery processed by now
    expect(await effectCounts(context.dataSource)).toEqual({
      applied: total + markers,
      distinct: total + markers,
    });
    // The deliveries the killed process held went back to the queue ahead of the rest.
    expect(await aggregatesOutOfOrder(context.dataSource)).toEqual([]);
  });
});
