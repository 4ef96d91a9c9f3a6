import { Module } from '@nestjs/common';
import { createTestDatabase, requireTestEnv, waitUntil, type TestDatabase } from '@pss/testing';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { PlatformModule } from '../src/platform.module';
import { startService, type RunningService } from '../src/testing/start-service';

@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'probe', database: { entities: [], migrations: [] } })],
})
class ProbeWithDatabaseModule {}

/**
 * A door in front of the test's PostgreSQL: shut, it hangs up on every connection, as a database
 * still initialising does; open, it passes connections through. It counts the attempts.
 */
interface DatabaseDoor {
  /** DATABASE_URL through the door, with `password` if given. */
  url(password?: string): string;
  readonly attempts: number;
  open(): void;
  close(): Promise<void>;
}

async function databaseDoor(databaseUrl: string): Promise<DatabaseDoor> {
  const target = new URL(databaseUrl);
  let open = false;
  let attempts = 0;
  const server = createServer((client) => {
    attempts += 1;
    if (!open) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url(password) {
      const url = new URL(databaseUrl);
      url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (password) url.password = password;
      return url.toString();
    },
    get attempts() {
      return attempts;
    },
    open: () => void (open = true),
    async close() {
      server.close();
      await once(server, 'close');
    },
  };
}

/** Before this behaviour a service gave up after five attempts (about ten seconds). */
const ATTEMPTS_IT_USED_TO_GIVE_UP_AFTER = 5;

describe('a service starting before its database answers', () => {
  let database: TestDatabase;
  let door: DatabaseDoor;
  let service: RunningService | undefined;

  beforeEach(async () => {
    database ??= await createTestDatabase(requireTestEnv('databaseUrl'));
    door = await databaseDoor(database.url);
  });

  afterEach(async () => {
    await service?.app.close();
    service = undefined;
    await door.close();
  });

  afterAll(() => database?.drop());

  it('waits for it, then starts and serves ready', async () => {
    const starting = startService(ProbeWithDatabaseModule, { DATABASE_URL: door.url() });
    starting.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
    await waitUntil(
      () => `more attempts than a service used to make (${door.attempts} so far)`,
      async () => door.attempts > ATTEMPTS_IT_USED_TO_GIVE_UP_AFTER,
      60_000,
    );
    door.open();
    service = await starting;
    const ready = await fetch(`${service.baseUrl}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { database: { status: 'up' } } },
    });
  }, 90_000);

  it('stops at the first refusal that waiting cannot end: a wrong password', async () => {
    door.open();
    await expect(
      startService(ProbeWithDatabaseModule, { DATABASE_URL: door.url('not-the-password') }),
    ).rejects.toMatchObject({
      code: '28P01',
      message: expect.stringContaining('password authentication failed'),
    });
    expect(door.attempts).toBe(1);
  });
});
