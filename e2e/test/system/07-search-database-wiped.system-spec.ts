import { daysFromToday, docker, eventually } from '@pss/testing';
import { PssUser, type FoundFlight } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const BF105 = { flightNumber: 'BF105', origin: 'NYC' };

// Invariant: search is a read model of what fares and booking own; losing its database loses
// nothing a passenger sees, once it answers ready again.
describe("search's database wiped and search started again", () => {
  it('is not ready until it caught up with fares and booking, then answers as before', async () => {
    const date = daysFromToday(42);
    const fare = { amount: '142.00', currency: 'USD' };
    const seatsBefore = await user.seatsLeft(BF105, date);
    expect((await user.changeFare('BF105', date, fare)).status).toBe(200);
    await eventually(async () => expect((await user.flight(BF105, date)).fare).toEqual(fare), 2_000);
    await user.booked(BF105, date, 2, fare);
    await eventually(async () => expect(await user.seatsLeft(BF105, date)).toBe(seatsBefore - 2), 2_000);
    // Tomorrow's flights carry the earlier suites' bookings and cancellations.
    const dates = [date, daysFromToday(1)];
    const before = new Map<string, FoundFlight[]>();
    for (const day of dates) before.set(day, await user.search('NYC', 'SFO', day));

    await stack.compose('rm', '--stop', '--force', 'search', 'search-db');
    await docker.getVolume(`${stack.address.project}_search-data`).remove();
    await stack.compose('up', '--detach', '--wait', '--no-deps', 'search-db', 'search');
    await eventually(
      async () => expect((await fetch(`${stack.url('search')}/health/ready`)).status).toBe(200),
      60_000,
    );
    for (const day of dates) expect(await user.search('NYC', 'SFO', day)).toEqual(before.get(day));
  });
});
