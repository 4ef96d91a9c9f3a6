import { waitUntil } from '@pss/testing';
import { outboxInsertSql, outboxWritten } from '../src';
import {
  createMessaging,
  effectCounts,
  recordEffect,
  testEvent,
  unsentCount,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

// The relay polls once a minute here: an event it publishes within seconds was announced by the
// commit that wrote it, in this process.
const POLL_MS = 60_000;
const PROMPTLY_MS = 5_000;
const SETTLE_MS = 2_000;

describe('the relay of the process that commits outbox rows', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;

  beforeAll(async () => {
    context = await useSharedContainers();
    messaging = createMessaging(context.dataSource, context.brokerUrl, {
      relay: { pollIntervalMs: POLL_MS },
    });
    messaging.consumer.handle('booking.confirmed', (event, manager) => recordEffect(manager, event));
    messaging.consumer.start();
    await messaging.broker.waitForConnection(30_000);
    messaging.relay.start();
    // Its look at start (and the one the connection asked for) find nothing; then it waits a minute.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect(await unsentCount(context.dataSource)).toBe(0);
  });

  afterAll(async () => {
    await messaging?.close();
    await context?.close();
  });

  beforeEach(() => context.dataSource.query('TRUNCATE applied_effects'));

  it('is woken when a transaction that wrote with OutboxWriter commits', async () => {
    await writeEvents(context.dataSource, 3);
    await waitUntil(
      '3 applied',
      async () => (await effectCounts(context.dataSource)).applied === 3,
      PROMPTLY_MS,
    );
  });

  it('is woken by outboxWritten after a statement of its own wrote a row outside a transaction', async () => {
    const event = testEvent('statement', 1);
    const insert = outboxInsertSql({
      eventId: '$1::uuid',
      eventType: "'booking.confirmed'",
      aggregateId: "'statement'",
      payload: '$2::jsonb',
      from: '(SELECT 1) AS one',
    });
    await context.dataSource.query(insert, [event.id, JSON.stringify(event)]);
    outboxWritten(context.dataSource.manager);
    await waitUntil(
      '1 applied',
      async () => (await effectCounts(context.dataSource)).applied === 1,
      PROMPTLY_MS,
    );
  });
});
