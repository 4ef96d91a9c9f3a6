import type { INestApplication } from '@nestjs/common';
import { createService, ServiceEnvironment } from '@pss/platform';
import { waitUntil } from '@pss/testing';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '../src';
import { FreezableProxy } from './freezable-proxy';
import { effectCounts, testEvent, unsentCount } from './harness';
import { RecordingServiceModule } from './recording-service';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

/**
 * A service stopping while its broker has gone silent (frozen, or the network path dropping every
 * packet: no connection closes, nothing answers) must still stop inside its shutdown deadline, or
 * the engine kills it; and the event it was publishing stays in the outbox for the next relay.
 */
describe('a service stopping while its broker answers nothing', () => {
  const saved = { ...process.env };
  let context: SharedContainersContext;
  let proxy: FreezableProxy;
  let app: INestApplication;
  let stopped = false;

  beforeAll(async () => {
    context = await useSharedContainers();
    proxy = await FreezableProxy.inFrontOf(context.brokerUrl);
    Object.assign(process.env, {
      DATABASE_URL: context.databaseUrl,
      RABBITMQ_URL: proxy.url(context.brokerUrl),
      LOG_LEVEL: 'error',
    });
    app = await createService(RecordingServiceModule);
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    if (!stopped) await app?.close();
    await proxy?.close();
    await context?.close();
    process.env = saved;
  });

  const publish = (aggregateId: string) =>
    app
      .get(DataSource)
      .transaction((manager) => app.get(OutboxWriter).write(manager, testEvent(aggregateId, 1), aggregateId));

  it('stops inside its shutdown deadline, its unconfirmed event left in the outbox', async () => {
    // Relay, publisher channel, broker and consumer all working before the broker goes silent.
    await publish('BF101/2026-12-01');
    await waitUntil(
      'the event applied',
      async () => (await effectCounts(context.dataSource)).applied === 1,
      30_000,
    );

    proxy.freeze();
    await publish('BF102/2026-12-01');
    await waitUntil('the relay publishing to the silent broker', async () => proxy.heldBytes > 0, 10_000);

    const stopping = Date.now();
    await app.close();
    stopped = true;
    const tookMs = Date.now() - stopping;

    // Half the deadline: the rest is for leaving the registry and closing the database.
    expect(tookMs).toBeLessThan(new ServiceEnvironment().SHUTDOWN_TIMEOUT_MS / 2);
    expect(await unsentCount(context.dataSource)).toBe(1);
  }, 60_000);
});
