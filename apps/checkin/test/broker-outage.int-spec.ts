import {
  createTestVhost,
  daysFromToday,
  docker,
  eventually,
  freePort,
  requireTestEnv,
  startRabbitMqOnPort,
  type TestVhost,
} from '@pss/testing';
import type { StartedTestContainer } from 'testcontainers';
import { startCheckinWorld, type CheckinWorld } from './checkin-world';

/**
 * Check-in's RabbitMQ, a broker of this test's own, stopped while a booking is checked in and
 * started again later. Booking and fares stay on theirs, so booking stays in the registry (a
 * service that lost its broker reports itself DOWN there) and agrees to the check-in.
 */
describe('check-in while its RabbitMQ is down', () => {
  let broker: StartedTestContainer;
  let vhost: TestVhost;
  let world: CheckinWorld;

  beforeAll(async () => {
    const port = await freePort();
    broker = await startRabbitMqOnPort(port);
    vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
    world = await startCheckinWorld(vhost.url, {}, `amqp://guest:guest@127.0.0.1:${port}`);
  }, 300_000);

  afterAll(async () => {
    await world?.close();
    await vhost?.drop();
    await broker?.stop();
  });

  it('checks in (booking agrees at once), keeps the event, and sends it once the broker is back', async () => {
    const booking = await world.book('BF101', daysFromToday(1), 2);
    const container = docker.getContainer(broker.getId());
    await container.stop({ t: 10 });
    await eventually(async () => expect((await world.get('/health/ready')).status).toBe(503), 20_000);

    const response = await world.post('/checkins', { bookingId: booking.id });
    expect(response.status).toBe(201);
    const unsent = async () =>
      (
        await world.dataSource.query(
          `SELECT count(*)::int AS unsent FROM outbox_messages WHERE sent_at IS NULL`,
        )
      )[0].unsent;
    expect(await unsent()).toBe(1);
    expect(await world.bookingStatus(booking.id)).toBe('CHECKED_IN');

    await container.start();
    await eventually(async () => expect(await unsent()).toBe(0), 90_000);
    expect((await world.get('/health/ready')).status).toBe(200);
  });
});
