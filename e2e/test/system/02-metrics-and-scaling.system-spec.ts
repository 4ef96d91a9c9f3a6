import { PssUser } from './pss-user';
import { systemStack } from './system-stack';
import { daysFromToday, eventually, mapWithConcurrency, times } from '@pss/testing';

const stack = systemStack();
const user = new PssUser(stack);

describe('Prometheus, and fares scaled to three instances', () => {
  it('scrapes every service it found through the registry', async () => {
    await eventually(async () => {
      expect(await user.scrapedInstances()).toMatchObject({ fares: 1, search: 1, booking: 1, checkin: 1 });
    }, 30_000);
  });

  it('sees `--scale fares=3` register three instances, each scraped without a word of configuration', async () => {
    await stack.compose('up', '--detach', '--wait', '--no-recreate', '--scale', 'fares=3', 'fares');
    for (const registry of ['discovery-1', 'discovery-2'] as const)
      await eventually(async () => {
        const statuses = (await user.instances(registry, 'FARES')).map((instance) => instance.status);
        expect(statuses).toEqual(['UP', 'UP', 'UP']);
      }, 30_000);
    await eventually(async () => expect((await user.scrapedInstances()).fares).toBe(3), 30_000);
  });

  it('shares the fare look-ups of 30 bookings between the three instances', async () => {
    const lookups = async () =>
      await user.query('sum by (instance) (http_requests_total{app="fares", route="/fares"})');
    const before = new Map((await lookups()).map(({ metric, value }) => [metric.instance, value]));
    // Each on a date of its own: booking keeps a quote of a flight and date for its max-age.
    const booked = await mapWithConcurrency(times(30), 3, (i) =>
      user.book({ flightNumber: 'BF104', origin: 'LAX' }, daysFromToday(40 + i), 1),
    );
    expect(booked.map((result) => result.status)).toEqual(new Array(30).fill(201));
    await eventually(async () => {
      const served = (await lookups()).map(({ metric, value }) => value - (before.get(metric.instance) ?? 0));
      expect(served).toHaveLength(3);
      // Round-robin, and every booking adds one: roughly a third each.
      for (const count of served) expect(count).toBeGreaterThanOrEqual(5);
    }, 20_000);
  });
});
