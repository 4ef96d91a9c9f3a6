import { waitUntil } from '@pss/testing';
import type { QueryRunner } from 'typeorm';
import type { BookingCancelledEvent } from '@pss/contracts';
import { EVENTS_EXCHANGE, OutboxWriter, queueFor } from '../src';
import {
  createMessaging,
  effectCounts,
  recordEffect,
  testConsumer,
  testEvent,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('the order events reach a consumer in', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl, {
      subscriptions: { [testConsumer]: ['booking.confirmed', 'booking.cancelled'] },
    });
    messaging.consumer.handle('booking.confirmed', (event, manager) => recordEffect(manager, event));
    messaging.consumer.handle('booking.cancelled', (event, manager) => recordEffect(manager, event));
    messaging.consumer.start();
  });

  afterAll(async () => {
    await messaging?.close();
    await context?.close();
  });

  beforeEach(() => context.dataSource.query('TRUNCATE applied_effects'));

  async function transaction(): Promise<QueryRunner> {
    const runner = context.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    return runner;
  }
  const commit = async (runner: QueryRunner) => {
    await runner.commitTransaction();
    await runner.release();
  };
  const applied = async (): Promise<string[]> =>
    (await context.dataSource.query('SELECT aggregate_id, seq FROM applied_effects ORDER BY id')).map(
      (row: { aggregate_id: string; seq: number }) => `${row.aggregate_id}#${row.seq}`,
    );
  /** An aggregate's outbox rows in id order, the order the relay publishes them in. */
  const outboxOrder = async (aggregate: string): Promise<string[]> =>
    (
      await context.dataSource.query(
        `SELECT aggregate_id, payload->'payload'->>'remainingSeats' AS seq FROM outbox_messages
          WHERE aggregate_id = $1 ORDER BY id`,
        [aggregate],
      )
    ).map((row: { aggregate_id: string; seq: string }) => `${row.aggregate_id}#${row.seq}`);
  const waitForApplied = (count: number) =>
    waitUntil(
      `${count} applied`,
      async () => (await effectCounts(context.dataSource)).applied >= count,
      30_000,
    );

  it('is commit order within an aggregate, even for a writer that took its id first and commits last', async () => {
    await messaging.relay.stop(); // both commit before the relay looks: the worst case for id order
    const first = await transaction();
    await writer.write(first.manager, testEvent('flight', 1), 'flight');
    const second = await transaction();
    const [{ pid }] = await second.query('SELECT pg_backend_pid() AS pid');
    const committed: string[] = [];
    let secondSettled = false;
    const secondDone = writer
      .write(second.manager, testEvent('flight', 2), 'flight')
      .then(() => commit(second))
      .then(() => committed.push('flight#2'))
      .finally(() => (secondSettled = true));
    // The second tries to commit first: it waits for the first (or, were nothing to hold it, commits).
    await waitUntil(
      'the second writer blocked by the first, or committed',
      async () =>
        secondSettled ||
        (await context.dataSource.query('SELECT cardinality(pg_blocking_pids($1)) > 0 AS blocked', [pid]))[0]
          .blocked,
      30_000,
    );
    await commit(first);
    committed.push('flight#1');
    await secondDone;

    messaging.relay.start();
    await waitForApplied(2);
    // Both orders: should they ever differ from the commits, this says whether the ids did
    // (the writers' lock) or the way from the outbox to the consumer.
    expect({ outbox: await outboxOrder('flight'), applied: await applied() }).toEqual({
      outbox: committed,
      applied: committed,
    });
  });

  it('is commit order within an aggregate when the broker refuses an event and would take the next', async () => {
    await messaging.relay.stop();
    const cancelled: BookingCancelledEvent = { ...testEvent('refused', 2), type: 'booking.cancelled' };
    await context.dataSource.transaction((manager) =>
      writer.writeMany(manager, [
        { event: testEvent('refused', 1), aggregateId: 'refused' },
        { event: cancelled, aggregateId: 'refused' },
      ]),
    );
    // No queue takes the first (the broker hands it back), the second's binding is there. The
    // publisher's channel is set up (its topology declared) before the binding goes.
    await messaging.publisher.open().waitForConnect();
    await context.vhost.unbindQueue(queueFor(testConsumer), EVENTS_EXCHANGE, 'booking.confirmed');

    messaging.relay.start(); // its publisher declares the binding again once the first comes back
    await waitForApplied(2);
    expect(await applied()).toEqual(['refused#1', 'refused#2']);
  });

  it('is no order across aggregates: an event with a lower id that commits later is published later', async () => {
    messaging.relay.start();
    const slow = await transaction();
    await writer.write(slow.manager, testEvent('slow', 1), 'slow');
    await context.dataSource.transaction((manager) => writer.write(manager, testEvent('fast', 1), 'fast'));
    await waitForApplied(1);
    await commit(slow);
    await waitForApplied(2);
    expect(await applied()).toEqual(['fast#1', 'slow#1']);
    const ids = await context.dataSource.query(
      'SELECT aggregate_id FROM outbox_messages WHERE aggregate_id IN ($1, $2) ORDER BY id',
      ['slow', 'fast'],
    );
    expect(ids.map((row: { aggregate_id: string }) => row.aggregate_id)).toEqual(['slow', 'fast']);
  });
});
