import { startService, type RunningService } from '@pss/platform/testing';
import {
  createTestDatabase,
  createTestVhost,
  daysFromToday,
  eventually,
  operatorAuthorization,
  requireTestEnv,
  startServiceWorld,
  TEST_OPERATOR_ENV,
  waitUntil,
  type ServiceWorld,
  type TestDatabase,
  type TestVhost,
} from '@pss/testing';
import { AppModule } from '../src/app.module';

// Invariant: a search on a new or wiped database shows what the owners hold (fares' fares,
// booking's seats), not its seed, and says it is not ready until it does.
describe('a search with a new or wiped database catches up with fares and booking before it is ready', () => {
  let vhost: TestVhost;
  let world: ServiceWorld;
  let database: TestDatabase;
  let search: RunningService | undefined;
  const date = daysFromToday(20);

  const startSearch = async () => {
    database = await createTestDatabase(requireTestEnv('databaseUrl'));
    search = await startService(AppModule, {
      ...world.discoveryFor('search'),
      DATABASE_URL: database.url,
      RABBITMQ_URL: vhost.url,
      CATCH_UP: 'true',
    });
    return search;
  };
  const wipeSearch = async () => {
    await search?.app.close();
    search = undefined;
    await database.drop();
  };
  const readiness = async () => {
    const response = await fetch(`${search?.baseUrl}/health/ready`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const bf101 = async () => {
    const response = await fetch(`${search?.baseUrl}/flights?origin=NYC&destination=SFO&date=${date}`);
    const flights = (await response.json()) as {
      flightNumber: string;
      fare: unknown;
      seatsAvailable: number;
    }[];
    const found = flights.find((flight) => flight.flightNumber === 'BF101');
    return { fare: found?.fare, seatsAvailable: found?.seatsAvailable };
  };
  const call = (
    app: string,
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`http://127.0.0.1:${world.apps[app].port}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
    world = await startServiceWorld(
      ['fares', 'booking'],
      { RABBITMQ_URL: vhost.url },
      { fares: TEST_OPERATOR_ENV },
    );
  });

  afterAll(async () => {
    await search?.app.close();
    await database?.drop();
    await world?.close();
    await vhost?.drop();
  });

  it('shows the fare and seats the owners hold, after its database was wiped and it missed their events', async () => {
    await startSearch();
    await waitUntil('search ready', async () => (await readiness()).status === 200, 30_000);
    const fare = { amount: '133.00', currency: 'USD' };
    // Fares and booking hear of the flight from the schedule search announced at its start.
    await waitUntil(
      'fares changed the fare',
      async () =>
        (await call('fares', 'PUT', `/fares/BF101/${date}`, fare, { authorization: operatorAuthorization() }))
          .status === 200,
      30_000,
    );
    const book = () =>
      call('booking', 'POST', '/bookings', {
        flightNumber: 'BF101',
        origin: 'NYC',
        destination: 'SFO',
        flightDate: date,
        fare,
        passengers: ['A', 'B', 'C'].map((initial) => ({
          firstName: `Gean ${initial}`,
          lastName: 'Franc',
          gender: 'Male',
        })),
      });
    await waitUntil('booking sold three seats', async () => (await book()).status === 201, 30_000);
    // Behind the events of the whole seeded schedule (an inventory and a fare for each of some 1,300
    // flight-dates), which a loaded CI host took more than 10 s to work through once.
    await eventually(async () => expect(await bf101()).toEqual({ fare, seatsAvailable: 92 }), 60_000);

    // Its events were taken by the search that had the database; the new one can only ask.
    await wipeSearch();
    await startSearch();
    await waitUntil('search ready after the wipe', async () => (await readiness()).status === 200, 30_000);
    expect(await bf101()).toEqual({ fare, seatsAvailable: 92 });
  });

  it('answers not ready, naming the catch-up, while an owner cannot be reached', async () => {
    await wipeSearch();
    await world.apps.booking.kill();
    await startSearch();
    await eventually(async () => {
      expect(await readiness()).toEqual({
        status: 503,
        body: expect.objectContaining({
          error: { catchUp: { status: 'down', message: 'catching up with fares and booking' } },
        }),
      });
    }, 10_000);
  });
});
