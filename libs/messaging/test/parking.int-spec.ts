import { waitUntil } from '@pss/testing';
import { createIntegrationEvent } from '@pss/contracts';
import { connect, type ChannelModel } from 'amqplib';
import { EVENTS_EXCHANGE, MAX_EVENT_BYTES, OutboxWriter, outboxInsertSql } from '../src';
import {
  createMessaging,
  effectCounts,
  startRecording,
  testEvent,
  writeEvents,
  type Messaging,
} from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

const REFUSED_TYPE = 'booking.refused';

describe('an outbox row the broker never takes', () => {
  let context: SharedContainersContext;
  let messaging: Messaging;
  let broker: ChannelModel;

  beforeAll(async () => {
    context = await useSharedContainers();
    // A queue that refuses every publish routed to it: the broker nacks such an event each time.
    broker = await connect(context.brokerUrl);
    const channel = await broker.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue('refusing', {
      arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' },
    });
    await channel.bindQueue('refusing', EVENTS_EXCHANGE, REFUSED_TYPE);
    await channel.close();
    messaging = createMessaging(context.dataSource, context.brokerUrl, {
      relay: { batchSize: 20, maxAttempts: 3, retry: { initialMs: 20, maxMs: 100 } },
    });
    startRecording(messaging);
  });

  afterAll(async () => {
    await messaging?.close();
    await broker?.close();
    await context?.close();
  });

  const rowsOf = (eventType: string) =>
    context.dataSource.query(
      'SELECT attempts, parked_at IS NOT NULL AS parked, sent_at IS NOT NULL AS sent, last_error FROM outbox_messages WHERE event_type = $1',
      [eventType],
    );

  it('is parked after its attempts, and the events after it are published', async () => {
    await messaging.relay.stop(); // all of it in one claim, the refused row among the others
    await writeEvents(context.dataSource, 5, { prefix: 'before' });
    await context.dataSource.transaction((manager) =>
      new OutboxWriter().write(
        manager,
        { ...testEvent('refused', 1), type: REFUSED_TYPE } as never,
        'refused',
      ),
    );
    await writeEvents(context.dataSource, 30, { prefix: 'after' });
    messaging.relay.start();

    await waitUntil(
      async () => `35 applied (${(await effectCounts(context.dataSource)).applied})`,
      async () => (await effectCounts(context.dataSource)).applied === 35,
      30_000,
    );
    await waitUntil('the refused row parked', async () => (await rowsOf(REFUSED_TYPE))[0].parked, 30_000);
    expect(await rowsOf(REFUSED_TYPE)).toEqual([
      { attempts: 3, parked: true, sent: false, last_error: expect.stringMatching(/nack/i) },
    ]);
    expect(await effectCounts(context.dataSource)).toEqual({ applied: 35, distinct: 35 });
  });

  it('refuses to write an event larger than the outbox takes, through either writer', async () => {
    const huge = createIntegrationEvent('booking.confirmed', {
      ...testEvent('huge', 1).payload,
      bookingId: 'x'.repeat(MAX_EVENT_BYTES),
    });
    await expect(
      context.dataSource.transaction((manager) => new OutboxWriter().write(manager, huge, 'huge')),
    ).rejects.toThrow(/outbox_messages_payload_size/);
    const insert = outboxInsertSql({
      eventId: '$1::uuid',
      eventType: "'booking.confirmed'",
      aggregateId: "'huge'",
      payload: '$2::jsonb',
      from: '(SELECT 1) AS one',
    });
    await expect(context.dataSource.query(insert, [huge.id, JSON.stringify(huge)])).rejects.toThrow(
      /outbox_messages_payload_size/,
    );
  });
});
