import { setTimeout as sleep } from 'node:timers/promises';
import { publishReferenceSchedule } from '@pss/messaging/testing';
import { startServiceInWorld } from '@pss/registry-client/testing';
import { type RunningService } from '@pss/platform/testing';
import { eventually, type ServiceWorld } from '@pss/testing';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
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
  /**
   * `POST /checkins` as a passenger's kiosk sends it: a 503 (booking slower than check-in's call
   * timeout on a loaded host, or away) is sent again after its Retry-After, for up to a minute.
   */
  checkIn(body: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
  bookingStatus(id: string): Promise<string>;
  /** `POST /bookings/{id}/cancel` at the booking service, as a passenger would. */
  cancel(id: string): Promise<Response>;
  /** RABBITMQ_URL of the services of this world (check-in's too, unless it has a broker of its own). */
  rabbitmqUrl: string;
  /** Booking's own database, to check what booking wrote. */
  bookingDatabase: Pool;
  close(): Promise<void>;
}

const FARES: Record<string, { origin: string; fare: string }> = {
  BF101: { origin: 'NYC', fare: '101.00' },
  BF102: { origin: 'CHI', fare: '102.00' },
  BF103: { origin: 'HOU', fare: '103.00' },
  BF104: { origin: 'LAX', fare: '104.00' },
  BF105: { origin: 'NYC', fare: '105.00' },
};

/**
 * Check-in in this process, with a registry, fares and booking as processes (booking selling every
 * seat: no safety buffer), on RabbitMQ at `rabbitmqUrl` (each service's own vhost is not needed:
 * booking must receive check-in's events). The test plays the schedule's owner: check-in, booking
 * and fares have the book's flights (100 seats each) from today to 30 days ahead when this resolves.
 */
export async function startCheckinWorld(
  rabbitmqUrl: string,
  env: Record<string, string> = {},
  /** A broker of check-in's own (the schedule is published there too); else `rabbitmqUrl`. */
  checkinRabbitmqUrl?: string,
): Promise<CheckinWorld> {
  const checkin = await startServiceInWorld(AppModule, {
    account: 'checkin',
    calls: ['fares', 'booking'],
    rabbitmq: { url: rabbitmqUrl },
    envOf: { booking: { BOOKING_SAFETY_BUFFER: '0' } },
    env: checkinRabbitmqUrl ? { ...env, RABBITMQ_URL: checkinRabbitmqUrl } : env,
  });
  const bookingUrl = `http://127.0.0.1:${checkin.world.apps.booking.port}`;
  const bookingDatabase = new Pool({ connectionString: checkin.world.databases.booking, max: 2 });
  const scheduled = await publishReferenceSchedule(rabbitmqUrl);
  if (checkinRabbitmqUrl) await publishReferenceSchedule(checkinRabbitmqUrl);
  const [first, last] = [scheduled[0].payload.flightDate, scheduled[scheduled.length - 1].payload.flightDate];
  await eventually(async () => {
    const [{ maps }] = await checkin.dataSource.query('SELECT count(*)::int AS maps FROM scheduled_flights');
    const { rows } = await bookingDatabase.query('SELECT count(*)::int AS inventories FROM inventories');
    const fares = await fetch(
      `http://127.0.0.1:${checkin.world.apps.fares.port}/fares/snapshot?from=${first}&to=${last}`,
    );
    const filed = ((await fares.json()) as { items: unknown[] }).items.length;
    expect({ maps, inventories: rows[0].inventories, filed }).toEqual({
      maps: scheduled.length,
      inventories: scheduled.length,
      filed: scheduled.length,
    });
  }, 60_000);
  return {
    checkin,
    world: checkin.world,
    dataSource: checkin.dataSource,
    async book(flightNumber, flightDate, seats = 1, lastName = 'Franc') {
      const { origin, fare } = FARES[flightNumber];
      const response = await fetch(`${bookingUrl}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
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
        }),
      });
      if (response.status !== 201)
        throw new Error(`booking answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { id: string; reference: string };
    },
    post: (path, body) => checkin.send('POST', path, body),
    checkIn: (body) => sendRetryingUnavailable(() => checkin.send('POST', '/checkins', body)),
    get: (path) => checkin.send('GET', path),
    bookingStatus: async (id) =>
      ((await (await fetch(`${bookingUrl}/bookings/${id}`)).json()) as { status: string }).status,
    cancel: (id) => fetch(`${bookingUrl}/bookings/${id}/cancel`, { method: 'POST' }),
    rabbitmqUrl,
    bookingDatabase,
    close: async () => {
      await bookingDatabase.end();
      await checkin.close();
    },
  };
}

const RETRY_FOR_MS = 60_000;

async function sendRetryingUnavailable(send: () => Promise<Response>): Promise<Response> {
  const until = Date.now() + RETRY_FOR_MS;
  for (;;) {
    const response = await send();
    if (response.status !== 503 || Date.now() > until) return response;
    await response.body?.cancel();
    await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
  }
}
