import { createTestVhost, requireTestEnv, waitUntil, type TestVhost } from '@pss/testing';
import type { DataSource } from 'typeorm';
import {
  createMessaging,
  effectCounts,
  openDatabase,
  recordEffect,
  unsentCount,
  writeEvents,
  type Messaging,
} from './harness';
import { applyMarkersAfter } from './markers';
import { RestartablePostgres } from './restartable-postgres';
import { kill, startRelayProcess, type TestProcess } from './test-processes';

describe('failures under the relay and the consumer', () => {
  let postgres: RestartablePostgres;
  let vhost: TestVhost;
  let dataSource: DataSource;
  let messaging: Messaging;
  let relay: TestProcess | undefined;

  beforeAll(async () => {
    [postgres, vhost] = await Promise.all([
      RestartablePostgres.start(),
      createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl')),
    ]);
    dataSource = await openDatabase(postgres.url);
    messaging = createMessaging(dataSource, vhost.url, {
      relay: { retry: { initialMs: 100, maxMs: 1_000 } },
    });
    messaging.consumer.handle('booking.confirmed', async (event, manager) => {
      await recordEffect(manager, event);
      await new Promise((resolve) => setTimeout(resolve, 2)); // keeps transactions open a little
    });
    messaging.consumer.start();
  }, 180_000);

  afterAll(async () => {
    if (relay) await kill(relay.child);
    await messaging?.close();
    await dataSource?.destroy();
    await vhost?.drop();
    await postgres?.remove();
  });

  const applied = async () => (await effectCounts(dataSource)).applied;

  it('applies every event exactly once when the relay dies between the broker confirm and its commit', async () => {
    const events = await writeEvents(dataSource, 500, { aggregates: 10, perTransaction: 50 });
    const dying = await startRelayProcess(postgres.url, vhost.url, { DIE_AFTER_CONFIRM: '1' });
    await dying.exited;
    expect(dying.output()).toMatch(/^confirmed \d+$/m);
    expect(await unsentCount(dataSource)).toBe(500); // published, and yet not marked sent

    relay = await startRelayProcess(postgres.url, vhost.url);
    await waitUntil(
      async () => `500 applied (${await applied()})`,
      async () => (await applied()) >= 500,
      60_000,
    );
    await waitUntil('nothing unsent', async () => (await unsentCount(dataSource)) === 0, 30_000);
    const markers = await applyMarkersAfter(dataSource, events); // every duplicate processed by now
    expect(await effectCounts(dataSource)).toEqual({ applied: 500 + markers, distinct: 500 + markers });
    await kill(relay.child);
    relay = undefined;
  });

  it('applies every event exactly once when PostgreSQL restarts under the relay and the consumer', async () => {
    const before = await applied(); // what the test before applied, its markers included
    const events = await writeEvents(dataSource, 4_000, { aggregates: 40, perTransaction: 100 });
    messaging.relay.start();
    await waitUntil('1,000 applied', async () => (await applied()) >= before + 1_000, 60_000);
    await postgres.restart();
    let atRestart = 0;
    await waitUntil('the database back', async () => ((atRestart = await applied()), true), 60_000);
    expect(atRestart).toBeLessThan(before + 4_000); // really in mid-stream
    await waitUntil(
      async () =>
        `4,000 applied (${await applied()
          .then((n) => n - before)
          .catch(() => 'database not back')})`,
      async () => (await applied()) >= before + 4_000,
      180_000,
    );
    await waitUntil('nothing unsent', async () => (await unsentCount(dataSource)) === 0, 30_000);
    const markers = await applyMarkersAfter(dataSource, events);
    const total = before + 4_000 + markers;
    expect(await effectCounts(dataSource)).toEqual({ applied: total, distinct: total });
  }, 300_000);
});
