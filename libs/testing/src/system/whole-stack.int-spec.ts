import { startComposeStack, type ComposeStack } from '../compose-stack';
import { eventually } from '../eventually';

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const BOOK_ORIGINS = ['SEA', 'NYC', 'CHI', 'HOU', 'LAX'];
const registries = ['discovery-1', 'discovery-2'] as const;

/** The repository's docker-compose.yml as a user runs it, driven only over the published ports. */
describe('the whole system under docker compose', () => {
  let stack: ComposeStack;

  beforeAll(async () => {
    stack = await startComposeStack();
  }, 900_000);

  afterAll(async () => {
    await stack?.down();
  }, 120_000);

  async function instances(registry: (typeof registries)[number], app: string) {
    const response = await fetch(`${stack.url(registry)}/eureka/apps/${app}`, {
      headers: { Accept: 'application/json' },
    });
    if (response.status === 404) return [];
    const body = (await response.json()) as { application: { instance: { status: string }[] } };
    return body.application.instance;
  }

  it('serves the seeded BF101 fare', async () => {
    const response = await fetch(`${stack.url('fares')}/fares?flightNumber=BF101&flightDate=${today()}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ fare: { amount: '101.00', currency: 'USD' } });
  });

  it('has every service registered as UP on both peered registry nodes', async () => {
    for (const registry of registries) {
      for (const app of ['FARES', 'SEARCH', 'BOOKING', 'CHECKIN']) {
        await eventually(async () => {
          expect((await instances(registry, app)).map((instance) => instance.status)).toEqual(['UP']);
        }, 30_000);
      }
    }
  });

  it('finds NYC to SFO flights, BF101 first, each at the fare the fares service quotes', async () => {
    const date = tomorrow();
    type Found = { flightNumber: string; fare: { amount: string; currency: string } };
    const found: Found[] = [];
    for (const origin of BOOK_ORIGINS) {
      const response = await fetch(
        `${stack.url('search')}/flights?origin=${origin}&destination=SFO&date=${date}`,
      );
      expect(response.status).toBe(200);
      found.push(...((await response.json()) as Found[]));
    }
    expect(found.filter((flight) => flight.flightNumber.startsWith('BF10'))).toHaveLength(7);
    const nycResponse = await fetch(`${stack.url('search')}/flights?origin=NYC&destination=SFO&date=${date}`);
    const nyc = (await nycResponse.json()) as Found[];
    expect(nyc[0]).toMatchObject({ flightNumber: 'BF101', fare: { amount: '101.00', currency: 'USD' } });
    for (const flight of found) {
      const quote = await fetch(
        `${stack.url('fares')}/fares?flightNumber=${flight.flightNumber}&flightDate=${date}`,
      );
      const { fare } = (await quote.json()) as Found;
      expect([flight.flightNumber, fare]).toEqual([flight.flightNumber, flight.fare]);
    }
  });

  it('books two passengers at the quoted fare (search shows the seats gone within 2 s), checks both in (booking CHECKED_IN within 2 s)', async () => {
    const date = tomorrow();
    const seatsOfBF101 = async () => {
      const response = await fetch(`${stack.url('search')}/flights?origin=NYC&destination=SFO&date=${date}`);
      return ((await response.json()) as { flightNumber: string; seatsAvailable: number }[]).find(
        (flight) => flight.flightNumber === 'BF101',
      )?.seatsAvailable;
    };
    const before = await seatsOfBF101();
    const quote = await fetch(`${stack.url('fares')}/fares?flightNumber=BF101&flightDate=${date}`);
    const { fare } = (await quote.json()) as { fare: { amount: string; currency: string } };
    const response = await fetch(`${stack.url('booking')}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': `system-${Date.now()}` },
      body: JSON.stringify({
        flightNumber: 'BF101',
        origin: 'NYC',
        destination: 'SFO',
        flightDate: date,
        fare,
        passengers: [
          { firstName: 'Gavin', lastName: 'Franc', gender: 'Male' },
          { firstName: 'Gean', lastName: 'Franc', gender: 'Female' },
        ],
      }),
    });
    expect(response.status).toBe(201);
    const booking = (await response.json()) as { id: string; status: string };
    expect(booking).toMatchObject({ status: 'CONFIRMED', fare });
    await eventually(async () => expect(await seatsOfBF101()).toBe((before ?? NaN) - 2), 2_000);

    const checkin = await fetch(`${stack.url('checkin')}/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bookingId: booking.id }),
    });
    expect(checkin.status).toBe(201);
    const { boardingPasses } = (await checkin.json()) as { boardingPasses: { seat: string }[] };
    expect(new Set(boardingPasses.map((pass) => pass.seat)).size).toBe(2);
    const status = async () =>
      ((await (await fetch(`${stack.url('booking')}/bookings/${booking.id}`)).json()) as { status: string })
        .status;
    await eventually(async () => expect(await status()).toBe('CHECKED_IN'), 2_000);
  });

  it('takes fares out of both registries when compose stops it', async () => {
    await stack.compose('stop', 'fares');
    // Well inside fares' 15 s lease: it deregistered on SIGTERM, it was not evicted.
    for (const registry of registries) {
      await eventually(async () => expect(await instances(registry, 'FARES')).toEqual([]), 5_000);
    }
  });
});
