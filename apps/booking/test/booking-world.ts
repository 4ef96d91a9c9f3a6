import { RegistryClient } from '@pss/registry-client';
import {
  createTestDatabase,
  createTestVhost,
  requireTestEnv,
  startService,
  startServiceWorld,
  waitUntil,
  type RunningProcess,
  type RunningService,
} from '@pss/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface BookingWorld {
  booking: RunningService;
  fares: RunningProcess;
  brokerUrl: string;
  dataSource: DataSource;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Booking in this process, with what it works with for real: a registry and the fares service as
 * processes (fares on its own database), its own database and a RabbitMQ vhost of the run.
 */
export async function startBookingWorld(env: Record<string, string> = {}): Promise<BookingWorld> {
  const world = await startServiceWorld(['fares']);
  const cleanups: (() => Promise<unknown>)[] = [() => world.close()];
  try {
    const database = await createTestDatabase(requireTestEnv('databaseUrl'));
    cleanups.push(() => database.drop());
    const vhost = await createTestVhost(
      requireTestEnv('rabbitmqUrl'),
      requireTestEnv('rabbitmqManagementUrl'),
    );
    cleanups.push(() => vhost.drop());
    const booking = await startService(AppModule, {
      ...world.discovery,
      DATABASE_URL: database.url,
      RABBITMQ_URL: vhost.url,
      ...env,
    });
    cleanups.push(() => booking.app.close());
    const registryClient = booking.app.get(RegistryClient);
    await waitUntil('booking to see FARES', async () => registryClient.instances('FARES').length > 0, 30_000);
    const send =
      (method: string) =>
      (path: string, body?: unknown, headers: Record<string, string> = {}) =>
        fetch(`${booking.baseUrl}${path}`, {
          method,
          headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
    return {
      booking,
      fares: world.apps.fares,
      brokerUrl: vhost.url,
      dataSource: booking.app.get(DataSource),
      post: send('POST'),
      get: (path) => fetch(`${booking.baseUrl}${path}`),
      close: async () => {
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw error;
  }
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
