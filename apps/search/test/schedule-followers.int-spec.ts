import type { InventoryState, PssIntegrationEvent } from '@pss/contracts';
import { queueFor } from '@pss/messaging';
import { takeQueuedEvents } from '@pss/messaging/testing';
import {
  createTestDatabase,
  createTestVhost,
  daysFromToday,
  operatorAuthorization,
  requireTestEnv,
  startAppProcess,
  startServiceWorld,
  TEST_OPERATOR_ENV,
  waitUntil,
  type RunningProcess,
  type ServiceWorld,
  type TestDatabase,
  type TestVhost,
} from '@pss/testing';

type Follower = 'booking' | 'checkin' | 'fares';

/** The seats booking keeps back from sale, unless told otherwise (the book's rule). */
const BOOKING_SAFETY_BUFFER = 5;

// Invariant: a follower of the schedule (booking's inventories, check-in's seat maps, fares' flights)
// on a new or wiped database holds what search schedules, operators' changes included, and answers
// not ready until it does.
describe("the schedule's followers catch up from search's snapshot before they are ready", () => {
  let world: ServiceWorld;
  let scheduleEvents: TestVhost;
  // The followers' broker never carried the schedule's events: a snapshot is all they can learn from.
  let followersBroker: TestVhost;
  const databases: TestDatabase[] = [];
  const followers: RunningProcess[] = [];
  const date = daysFromToday(9);
  const bf108 = { origin: 'BOS', destination: 'SFO', capacity: 60 };

  const startFollower = async (app: Follower) => {
    const database = await createTestDatabase(requireTestEnv('databaseUrl'));
    databases.push(database);
    const follower = await startAppProcess(app, {
      ...world.discoveryFor(app),
      ...TEST_OPERATOR_ENV,
      DATABASE_URL: database.url,
      RABBITMQ_URL: followersBroker.url,
      CATCH_UP: 'true',
    });
    followers.push(follower);
    return follower;
  };
  const call = (follower: RunningProcess, path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${follower.port}${path}`, init);
  const readiness = async (follower: RunningProcess) => {
    const response = await call(follower, '/health/ready');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** What the follower shows of BF108 on `date` through its own API. */
  const bf108As: Record<Follower, (follower: RunningProcess) => Promise<unknown>> = {
    booking: async (booking) => {
      const response = await call(booking, `/inventories/snapshot?from=${date}&to=${date}`);
      const { items } = (await response.json()) as {
        items: { flightNumber: string; remainingSeats: number }[];
      };
      return items.find((item) => item.flightNumber === 'BF108')?.remainingSeats;
    },
    checkin: async (checkin) =>
      ((await (await call(checkin, `/flights/BF108/${date}/seats`)).json()) as { capacity: number }).capacity,
    // Fares can file the first fare of a flight it knows to be scheduled, and only then.
    fares: async (fares) =>
      (
        await call(fares, `/fares/BF108/${date}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: operatorAuthorization() },
          body: JSON.stringify({ amount: '188.00', currency: 'USD' }),
        })
      ).status,
  };
  const expected: Record<Follower, unknown> = {
    booking: bf108.capacity - BOOKING_SAFETY_BUFFER,
    checkin: bf108.capacity,
    fares: 201,
  };

  beforeAll(async () => {
    const rabbitmq = [requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl')] as const;
    scheduleEvents = await createTestVhost(...rabbitmq);
    followersBroker = await createTestVhost(...rabbitmq);
    world = await startServiceWorld(
      ['search'],
      { RABBITMQ_URL: scheduleEvents.url },
      { search: TEST_OPERATOR_ENV },
    );
    const search = `http://127.0.0.1:${world.apps.search.port}`;
    const scheduled = await fetch(`${search}/flights/BF108/${date}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: operatorAuthorization() },
      body: JSON.stringify({
        origin: bf108.origin,
        destination: bf108.destination,
        departureTime: `${date}T12:00:00Z`,
        arrivalTime: `${date}T18:30:00Z`,
        capacity: bf108.capacity,
      }),
    });
    expect(scheduled.status).toBe(201);
  });

  afterAll(async () => {
    await Promise.all(followers.map((follower) => follower.stop()));
    await world?.close();
    await Promise.all(databases.map((database) => database.drop()));
    await scheduleEvents?.drop();
    await followersBroker?.drop();
  });

  it.each<Follower>(['booking', 'checkin', 'fares'])(
    '%s, started on an empty database, holds the flight an operator added once it is ready',
    async (app) => {
      const follower = await startFollower(app);
      await waitUntil(`${app} ready`, async () => (await readiness(follower)).status === 200, 60_000);
      expect(await bf108As[app](follower)).toEqual(expected[app]);
    },
  );

  // A service starting on a year's schedule catches up a day per statement, as a bulk load's day:
  // what booking tells search of a new database's inventories comes the same way, a day an event.
  it('booking, on an empty database, announces the seats of each day it caught up with in one event for that day', async () => {
    const taken: PssIntegrationEvent[] = [];
    const days = (): InventoryState[][] =>
      taken.flatMap((event) =>
        event.type === 'booking.bulk-inventory-changed' ? [event.payload.inventories] : [],
      );
    await waitUntil(
      "booking's seats for BF108 queued for search",
      async () => {
        taken.push(...(await takeQueuedEvents(followersBroker.url, queueFor('search'))));
        return days().some((day) => day.some((seats) => seats.flightNumber === 'BF108'));
      },
      30_000,
    );
    expect(taken.filter((event) => event.type === 'booking.inventory-changed')).toEqual([]);
    expect(days().every((day) => day.every((seats) => seats.flightDate === day[0].flightDate))).toBe(true);
    expect(new Set(days().map((day) => day[0].flightDate)).size).toBe(days().length);
    expect(
      days()
        .flat()
        .find((seats) => seats.flightNumber === 'BF108'),
    ).toMatchObject({
      flightDate: date,
      remainingSeats: expected.booking,
    });
  });

  it('a follower answers not ready, naming the schedule, while search cannot be reached', async () => {
    await world.apps.search.kill();
    const booking = await startFollower('booking');
    expect(await readiness(booking)).toEqual({
      status: 503,
      body: expect.objectContaining({
        error: expect.objectContaining({
          catchUp: { status: 'down', message: 'catching up with the schedule' },
        }),
      }),
    });
  });
});
