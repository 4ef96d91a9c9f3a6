import { createTestDatabase, requireTestEnv, type TestDatabase, waitUntil } from '@pss/testing';
import type { DataSource } from 'typeorm';
import { BrokerHealthIndicator } from '../src';
import {
  aggregatesOutOfOrder,
  createMessaging,
  effectCounts,
  openDatabase,
  startRecording,
  unsentCount,
  writeEvents,
  type Messaging,
} from './harness';
import { RestartableBroker } from './restartable-broker';

describe('while the broker is away', () => {
  let broker: RestartableBroker;
  let database: TestDatabase;
  let dataSource: DataSource;
  let messaging: Messaging;
  let health: BrokerHealthIndicator;

  beforeAll(async () => {
    [broker, database] = await Promise.all([
      RestartableBroker.start(),
      createTestDatabase(requireTestEnv('databaseUrl')),
    ]);
    dataSource = await openDatabase(database.url);
  }, 180_000);

  afterAll(async () => {
    await messaging?.close();
    await dataSource?.destroy();
    await database?.drop();
    await broker?.remove();
  });

  it('keeps 1,000 events written while it is stopped and delivers each once when it starts', async () => {
    await broker.stop();
    messaging = createMessaging(dataSource, broker.url, { reconnect: { initialMs: 100, maxMs: 1_000 } });
    startRecording(messaging);
    health = new BrokerHealthIndicator(messaging.broker);

    await writeEvents(dataSource, 1_000, { perTransaction: 10 });
    // The outage lasts a while, the relay and the consumer retrying meanwhile; nothing below depends
    // on how long: with the broker stopped, no event can be published or applied.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await unsentCount(dataSource)).toBe(1_000);
    expect(await effectCounts(dataSource)).toEqual({ applied: 0, distinct: 0 });
    expect(health.check()).toEqual({ broker: expect.objectContaining({ status: 'down' }) });

    await broker.start();
    await waitUntil(
      async () =>
        `1,000 applied: ${JSON.stringify({ ...(await effectCounts(dataSource)), unsent: await unsentCount(dataSource) })}`,
      async () => (await effectCounts(dataSource)).applied >= 1_000,
      120_000,
    );
    expect(await effectCounts(dataSource)).toEqual({ applied: 1_000, distinct: 1_000 });
    expect(await unsentCount(dataSource)).toBe(0);
    expect(health.check()).toEqual({ broker: { status: 'up' } });
  }, 240_000);

  it('resumes publishing and consuming after a restart in mid-stream, applying each event once, in order', async () => {
    const writing = writeEvents(dataSource, 2_000, { perTransaction: 20 });
    await waitUntil('1,200 applied', async () => (await effectCounts(dataSource)).applied >= 1_200, 60_000);
    const portBefore = new URL(await broker.url()).port;
    await broker.stop();
    await broker.start();
    await writing;
    await waitUntil(
      async () =>
        `3,000 applied: ${JSON.stringify({ ...(await effectCounts(dataSource)), unsent: await unsentCount(dataSource) })}`,
      async () => (await effectCounts(dataSource)).applied >= 3_000,
      120_000,
    );
    expect(await effectCounts(dataSource)).toEqual({ applied: 3_000, distinct: 3_000 });
    expect(await aggregatesOutOfOrder(dataSource)).toEqual([]);
    // Docker usually hands out another host port after the restart; the URL function follows it.
    expect(new URL(await broker.url()).port).toMatch(/^\d+$/);
    expect(portBefore).toMatch(/^\d+$/);
  }, 240_000);
});
