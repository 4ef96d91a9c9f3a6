import { publishReferenceSchedule } from '@pss/messaging/testing';
import { startServiceInWorld } from '@pss/registry-client/testing';
import { eventually, TEST_OPERATOR_ENV, type RunningProcess } from '@pss/testing';
import { type RunningService } from '@pss/platform/testing';
import type { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface BookingWorld {
  booking: RunningService;
  fares: RunningProcess;
  brokerUrl: string;
  dataSource: DataSource;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  delete(path: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Booking in this process, with what it works with for real: a registry and the fares service as
 * processes (fares on its own database), its own database and a RabbitMQ vhost of the run, which
 * fares publishes its fare changes to. The test plays the schedule's owner: booking and fares have
 * the book's flights (and fares their fares) from today to 30 days ahead when this resolves.
 */
export async function startBookingWorld(env: Record<string, string> = {}): Promise<BookingWorld> {
  const booking = await startServiceInWorld(AppModule, {
    account: 'booking',
    calls: ['fares'],
    rabbitmq: 'own-vhost',
    env,
    // Fares with the operator account: a test may change a fare.
    envOf: { fares: TEST_OPERATOR_ENV },
  });
  const scheduled = await publishReferenceSchedule(booking.rabbitmqUrl);
  const [first, last] = [scheduled[0].payload.flightDate, scheduled[scheduled.length - 1].payload.flightDate];
  const faresUrl = `http://127.0.0.1:${booking.world.apps.fares.port}`;
  // Fares announces each first fare (`fare.changed`): once booking has heard them all, a test that
  // counts booking's fare events counts its own only.
  await eventually(async () => {
    const [{ count }] = await booking.dataSource.query('SELECT count(*)::int AS count FROM inventories');
    const filed = await fetch(`${faresUrl}/fares/snapshot?from=${first}&to=${last}`);
    expect([
      count,
      ((await filed.json()) as { items: unknown[] }).items.length,
      await quotesDropped((path) => booking.send('GET', path)),
    ]).toEqual([scheduled.length, scheduled.length, scheduled.length]);
  }, 30_000);
  return {
    booking,
    fares: booking.world.apps.fares,
    brokerUrl: booking.rabbitmqUrl,
    dataSource: booking.dataSource,
    post: (path, body, headers) => booking.send('POST', path, body, headers),
    get: (path) => booking.send('GET', path),
    delete: (path) => booking.send('DELETE', path),
    close: () => booking.close(),
  };
}

/** The quotes booking dropped on hearing fares' fare events, as its /metrics counts them. */
export async function quotesDropped(get: (path: string) => Promise<Response>): Promise<number> {
  const metrics = await (await get('/metrics')).text();
  return Number(/booking_fare_events_total\{outcome="quote_dropped"[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0);
}

/** What a client sends for `seats` passengers on BF101 (NYC to SFO) at its quoted fare. */
export function bookingRequest(flightDate: string, seats = 2, overrides: Record<string, unknown> = {}) {
  return {
    flightNumber: 'BF101',
    origin: 'NYC',
    destination: 'SFO',
    flightDate,
    fare: { amount: '101.00', currency: 'USD' },
    passengers: Array.from({ length: seats }, (_, i) => ({
      firstName: `Gean ${'ABCDEFGHIJ'[i]}`,
      lastName: 'Franc',
      gender: 'Male',
    })),
    ...overrides,
  };
}
