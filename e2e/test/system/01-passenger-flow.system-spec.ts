import { PssUser } from './pss-user';
import { systemStack } from './system-stack';
import { daysFromToday, eventually } from '@pss/testing';

const stack = systemStack();
const user = new PssUser(stack);
const BF101 = { flightNumber: 'BF101', origin: 'NYC' };
const SERVICES = ['FARES', 'SEARCH', 'BOOKING', 'CHECKIN'];

/** A passenger's day, over the published HTTP ports of `docker compose up` only. */
describe('a passenger books, checks in, and another cancels', () => {
  it('finds every service registered as UP on both peered registry nodes', async () => {
    for (const registry of ['discovery-1', 'discovery-2'] as const)
      for (const app of SERVICES)
        await eventually(async () => {
          expect((await user.instances(registry, app)).map((instance) => instance.status)).toEqual(['UP']);
        }, 30_000);
  });

  it('searches NYC to SFO: BF101, BF105, BF106 by departure, each at the fare the fares service quotes', async () => {
    const date = daysFromToday(1);
    const found = await user.search('NYC', 'SFO', date, 2);
    expect(found.map((flight) => flight.flightNumber)).toEqual(['BF101', 'BF105', 'BF106']);
    for (const flight of found) {
      const quote = await fetch(
        `${stack.url('fares')}/fares?flightNumber=${flight.flightNumber}&flightDate=${date}`,
      );
      expect(((await quote.json()) as { fare: unknown }).fare).toEqual(flight.fare);
    }
  });

  it('books two at the quoted fare, sees the seats leave search, checks both in, and the booking is CHECKED_IN', async () => {
    const date = daysFromToday(1);
    const [bf101] = await user.search('NYC', 'SFO', date, 2);
    const booking = await user.booked(BF101, date, 2, bf101.fare);
    expect(booking).toMatchObject({ status: 'CONFIRMED', fare: bf101.fare });
    await eventually(
      async () => expect(await user.seatsLeft(BF101, date)).toBe(bf101.seatsAvailable - 2),
      2_000,
    );

    const checkin = await user.createCheckin(booking.id);
    expect(checkin.status).toBe(201);
    expect(new Set(checkin.seats).size).toBe(2);
    await eventually(async () => expect(await user.bookingStatus(booking.id)).toBe('CHECKED_IN'), 2_000);
  });

  it('cancels another booking and sees its seats return to search', async () => {
    const date = daysFromToday(1);
    const before = await user.seatsLeft(BF101, date);
    const booking = await user.booked(BF101, date, 3);
    await eventually(async () => expect(await user.seatsLeft(BF101, date)).toBe(before - 3), 2_000);

    expect(await user.cancel(booking.id)).toBe(200);
    expect(await user.bookingStatus(booking.id)).toBe('CANCELLED');
    await eventually(async () => expect(await user.seatsLeft(BF101, date)).toBe(before), 2_000);
  });
});
