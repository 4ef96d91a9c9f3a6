import { RegistryClient } from '@pss/registry-client';
import {
  createTestDatabase,
  requireTestEnv,
  startService,
  startServiceWorld,
  waitUntil,
  type RunningService,
  type ServiceWorld,
} from '@pss/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface CheckinWorld {
  checkin: RunningService;
  world: ServiceWorld;
  dataSource: DataSource;
  /** Books `seats` passengers on `flightNumber` through the booking service; resolves with the booking. */
  book(
    flightNumber: string,
    flightDate: string,
    seats?: number,
    lastName?: string,
  ): Promise<{ id: string; reference: string }>;
  post(path: string, body?: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
  bookingStatus(id: string): Promise<string>;
  close(): Promise<void>;
}

const FARES: Record<string, { origin: string; fare: string }> = {
  BF101: { origin: 'NYC', fare: '101.00' },
  BF102: { origin: 'CHI', fare: '102.00' },
  BF103: { origin: 'HOU', fare: '103.00' },
  BF104: { origin: 'LAX', fare: '104.00' },
};

/**
 * Check-in in this process, with a registry, fares and booking as processes (booking selling every
 * seat: no safety buffer), on RabbitMQ at `rabbitmqUrl` (each service's own vhost is not needed:
 * booking must receive check-in's events).
 */
export async function startCheckinWorld(rabbitmqUrl: string): Promise<CheckinWorld> {
  const world = await startServiceWorld(
    ['fares', 'booking'],
    { RABBITMQ_URL: rabbitmqUrl },
    { booking: { BOOKING_SAFETY_BUFFER: '0' } },
  );
  const cleanups: (() => Promise<unknown>)[] = [() => world.close()];
  try {
    const database = await createTestDatabase(requireTestEnv('databaseUrl'));
    cleanups.push(() => database.drop());
    const checkin = await startService(AppModule, {
      ...world.discovery,
      DATABASE_URL: database.url,
      RABBITMQ_URL: rabbitmqUrl,
    });
    cleanups.push(() => checkin.app.close());
    const registryClient = checkin.app.get(RegistryClient);
    await waitUntil(
      'check-in to see BOOKING',
      async () => registryClient.instances('BOOKING').length > 0,
      30_000,
    );
    const bookingUrl = `http://127.0.0.1:${world.apps.booking.port}`;
    const json = (method: string, url: string, body?: unknown) =>
      fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    return {
      checkin,
      world,
      dataSource: checkin.app.get(DataSource),
      async book(flightNumber, flightDate, seats = 1, lastName = 'Franc') {
        const { origin, fare } = FARES[flightNumber];
        const response = await json('POST', `${bookingUrl}/bookings`, {
          flightNumber,
          origin,
          destination: 'SFO',
          flightDate,
          fare: { amount: fare, currency: 'USD' },
          passengers: Array.from({ length: seats }, (_, i) => ({
            firstName: `Gean ${'ABCDEFGHI'[i]}`,
            lastName,
            gender: 'Female',
          })),
        });
        if (response.status !== 201)
          throw new Error(`booking answered ${response.status}: ${await response.text()}`);
        return (await response.json()) as { id: string; reference: string };
      },
      post: (path, body) => json('POST', `${checkin.baseUrl}${path}`, body),
      get: (path) => fetch(`${checkin.baseUrl}${path}`),
      bookingStatus: async (id) =>
        ((await (await fetch(`${bookingUrl}/bookings/${id}`)).json()) as { status: string }).status,
      close: async () => {
        for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw error;
  }
}
