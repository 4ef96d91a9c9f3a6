import { waitUntil } from '@pss/testing';
import type { BookingConfirmedEvent } from '@pss/contracts';
import { OutboxWriter } from '../src';
import {
  createMessaging,
  effectCounts,
  recordEffect,
  testEvent,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('outbox to consumer', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl, { relay: { batchSize: 50 } });
    messaging.consumer.handle('booking.confirmed', async (event, manager) => {
      // Uneven handler times tempt a consumer into reordering; per-aggregate order must hold anyway.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      await recordEffect(manager, event);
    });
    messaging.relay.start();
    messaging.consumer.start();
  });

  afterAll(async () => {
    await messaging?.close();
    await context?.close();
  });

  beforeEach(() => context.dataSource.query('TRUNCATE applied_effects'));

  it('applies every committed event once, in commit order per aggregate', async () => {
    await writeEvents(context.dataSource, 600, { aggregates: 6, perTransaction: 7 });
    await waitUntil(
      '600 applied',
      async () => (await effectCounts(context.dataSource)).applied >= 600,
      60_000,
    );
    expect(await effectCounts(context.dataSource)).toEqual({ applied: 600, distinct: 600 });
    const perAggregate: { aggregate_id: string; seqs: number[] }[] = await context.dataSource.query(
      'SELECT aggregate_id, array_agg(seq ORDER BY id) AS seqs FROM applied_effects GROUP BY aggregate_id',
    );
    expect(perAggregate).toHaveLength(6);
    for (const { seqs } of perAggregate) {
      expect(seqs).toHaveLength(100);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const writer = new OutboxWriter();
    await expect(
      context.dataSource.transaction(async (manager) => {
        await writer.write(manager, testEvent('BF101/2026-12-01', 1), 'BF101/2026-12-01');
        throw new Error('no seats left');
      }),
    ).rejects.toThrow('no seats left');
    // The same aggregate, written after: its events are published in id order and applied in
    // arrival order, so once this one is applied, a rolled-back event that leaked would be too.
    const committed = testEvent('BF101/2026-12-01', 2);
    await context.dataSource.transaction((manager) => writer.write(manager, committed, 'BF101/2026-12-01'));

    await waitUntil(
      'the committed event applied',
      async () => (await effectCounts(context.dataSource)).applied >= 1,
      30_000,
    );
    const applied = await context.dataSource.query('SELECT event_id, seq FROM applied_effects');
    expect(applied).toEqual([{ event_id: committed.id, seq: 2 }]);
    const outbox = await context.dataSource.query(
      'SELECT event_id FROM outbox_messages WHERE aggregate_id = $1',
      ['BF101/2026-12-01'],
    );
    expect(outbox).toEqual([{ event_id: committed.id }]);
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(
      new OutboxWriter().write(context.dataSource.manager, testEvent('loose', 1), 'loose'),
    ).rejects.toThrow(/open transaction/);
  });

  it('applies an event delivered twice only once', async () => {
    const event: BookingConfirmedEvent = testEvent('twice', 1);
    const outgoing = { id: event.id, type: event.type, aggregateId: 'twice', body: JSON.stringify(event) };
    const outcomes: string[] = [];
    messaging.consumer.onProcessed(({ eventId, outcome }) => eventId === event.id && outcomes.push(outcome));
    await messaging.publisher.publishAll([outgoing, outgoing]);
    await waitUntil('both outcomes', async () => outcomes.length === 2, 30_000);
    expect(outcomes).toEqual(['applied', 'duplicate']);
    expect(await effectCounts(context.dataSource)).toEqual({ applied: 1, distinct: 1 });
  });
});
