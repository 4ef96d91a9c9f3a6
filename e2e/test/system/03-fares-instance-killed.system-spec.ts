import { PssUser } from './pss-user';
import { systemStack } from './system-stack';
import { daysFromToday, docker, eventually, mapWithConcurrency, times } from '@pss/testing';

const stack = systemStack();
const user = new PssUser(stack);
const BF102 = { flightNumber: 'BF102', origin: 'CHI' };

describe('one of three fares instances killed while bookings are made', () => {
  afterAll(async () => {
    await stack.compose('up', '--detach', '--wait', '--scale', 'fares=1', 'fares');
    // Compose may replace the instance it keeps: the next suites start once booking reaches fares
    // again (a new quote needs an instance registered UP and seen by booking's registry client).
    const date = daysFromToday(100);
    const [fare] = (await user.search('CHI', 'SFO', date)).map((flight) => flight.fare);
    await eventually(async () => expect((await user.book(BF102, date, 1, fare)).status).toBe(201), 60_000);
  });

  it('fails no booking: calls to the dead instance go on to a live one', async () => {
    const [fare] = (await user.search('CHI', 'SFO', daysFromToday(40))).map((flight) => flight.fare);
    const fares = (await stack.compose('ps', '--quiet', 'fares')).trim().split('\n');
    expect(fares).toHaveLength(3);

    let done = 0;
    // Each on a date of its own, so that each asks fares (booking keeps a quote for its max-age).
    const booked = mapWithConcurrency(times(60), 4, async (i) => {
      const result = await user.book(BF102, daysFromToday(40 + i), 1, fare);
      done += 1;
      return result;
    });
    await eventually(() => expect(done).toBeGreaterThanOrEqual(10), 30_000);
    await docker.getContainer(fares[1]).kill();
    const results = await booked;

    expect(results.filter((result) => result.status !== 201)).toEqual([]);
    // The dead instance leaves the registry when its lease ends (no goodbye from a SIGKILL).
    await eventually(
      async () => expect(await user.instances('discovery-2', 'FARES')).toHaveLength(2),
      60_000,
    );
  });
});
