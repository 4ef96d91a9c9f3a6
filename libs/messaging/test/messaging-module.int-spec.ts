import { waitUntil } from '@pss/testing';
import type { INestApplication } from '@nestjs/common';
import { createService, runCommand } from '@pss/platform';
import { connect } from 'amqplib';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import {
  AGGREGATE_ID_HEADER,
  BrokerConnection,
  deadLetterHeaders,
  deadLetterQueueFor,
  OutboxWriter,
} from '../src';
import { effectCounts, testConsumer, testEvent } from './harness';
import { RecordingServiceModule } from './recording-service';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('MessagingModule in a service built on libs/platform', () => {
  const saved = { ...process.env };
  let context: SharedContainersContext;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    context = await useSharedContainers();
    Object.assign(process.env, {
      DATABASE_URL: context.databaseUrl,
      RABBITMQ_URL: context.brokerUrl,
      LOG_LEVEL: 'warn',
    });
    app = await createService(RecordingServiceModule);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await context?.close();
    process.env = saved;
  });

  it('reports the broker on /health/ready', async () => {
    let body: { details?: Record<string, { status: string }> } = {};
    await waitUntil(
      'the broker up on /health/ready',
      async () => {
        const response = await fetch(`${base}/health/ready`);
        body = (await response.json()) as typeof body;
        return response.status === 200;
      },
      30_000,
    );
    expect(body.details).toMatchObject({ database: { status: 'up' }, broker: { status: 'up' } });
  });

  it('relays an event written with OutboxWriter in a transaction to the registered handler', async () => {
    const event = testEvent('BF101/2026-12-01', 1);
    await app
      .get(DataSource)
      .transaction((manager) => app.get(OutboxWriter).write(manager, event, 'BF101/2026-12-01'));
    await waitUntil(
      'the event applied',
      async () => (await effectCounts(context.dataSource)).applied === 1,
      30_000,
    );
    const [effect] = await context.dataSource.query('SELECT event_id FROM applied_effects');
    expect(effect).toEqual({ event_id: event.id });
  });

  const metric = async (name: string): Promise<number | undefined> => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };

  it('shows a parked outbox event on /metrics, and `outbox:requeue` sends it', async () => {
    const event = testEvent('BF102/2026-12-01', 1);
    await app.get(DataSource).transaction(async (manager) => {
      await app.get(OutboxWriter).write(manager, event, 'BF102/2026-12-01');
      // As the relay leaves a row the broker refused maxAttempts times.
      await manager.query('UPDATE outbox_messages SET parked_at = now(), attempts = 10 WHERE event_id = $1', [
        event.id,
      ]);
    });
    expect(await metric('messaging_outbox_parked_events')).toBe(1);
    expect(await metric('messaging_outbox_unsent_events')).toBe(1);

    await runCommand(app, 'outbox:requeue', []);
    await waitUntil(
      'the requeued event applied',
      async () => (await effectCounts(context.dataSource)).applied === 2,
      30_000,
    );
    expect(await metric('messaging_outbox_parked_events')).toBe(0);
    await waitUntil(
      'the outbox empty',
      async () => (await metric('messaging_outbox_unsent_events')) === 0,
      10_000,
    );
  });

  it('shows the dead-letter queue on /metrics, and `dlq:replay` has its events applied', async () => {
    const event = testEvent('BF103/2026-12-01', 1);
    const broker = await connect(context.brokerUrl);
    try {
      const channel = await broker.createConfirmChannel();
      channel.sendToQueue(deadLetterQueueFor(testConsumer), Buffer.from(JSON.stringify(event)), {
        persistent: true,
        contentType: 'application/json',
        messageId: event.id,
        type: event.type,
        headers: { [AGGREGATE_ID_HEADER]: 'BF103/2026-12-01', [deadLetterHeaders.reason]: 'seat map down' },
      });
      await channel.waitForConfirms();
    } finally {
      await broker.close();
    }
    await waitUntil(
      'the dead letter counted',
      async () => (await metric('messaging_dead_letter_queue_events')) === 1,
      10_000,
    );

    await runCommand(app, 'dlq:replay', []);
    await waitUntil(
      'the replayed event applied',
      async () => (await effectCounts(context.dataSource)).applied === 3,
      30_000,
    );
    expect(await metric('messaging_dead_letter_queue_events')).toBe(0);
  });

  // How long it takes is measured by libs/messaging/bench (the container stop grace period is 10 s).
  it('closes the consumer, the relay, the broker connection and the database pool', async () => {
    const broker = app.get(BrokerConnection);
    const dataSource = app.get(DataSource);
    expect(broker.isConnected()).toBe(true);
    await app.close();
    app = undefined as unknown as INestApplication;
    expect(broker.isConnected()).toBe(false);
    expect(dataSource.isInitialized).toBe(false);
  });
});
