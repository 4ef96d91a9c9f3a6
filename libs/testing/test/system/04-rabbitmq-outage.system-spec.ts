import { eventually } from '../../src/eventually';
import { inDays, inParallel, PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
// Four flights, 50 one-seat bookings each: events for one flight interleave with the others'.
const FLIGHTS = [
  { flightNumber: 'BF100', origin: 'SEA' },
  { flightNumber: 'BF102', origin: 'CHI' },
  { flightNumber: 'BF103', origin: 'HOU' },
  { flightNumber: 'BF104', origin: 'LAX' },
];
const BOOKINGS = 200;

describe('RabbitMQ stopped during a burst of 200 bookings, then started again', () => {
  afterAll(async () => {
    await stack.compose('up', '--detach', '--wait', 'rabbitmq');
  });

  it('takes every booking, and once the broker is back every event arrives: search converges', async () => {
    const date = inDays(30);
    const before = await Promise.all(FLIGHTS.map((flight) => user.seatsLeft(flight, date)));
    const fares = await Promise.all(FLIGHTS.map(async (flight) => (await user.flight(flight, date)).fare));

    let done = 0;
    let brokerStopped = false;
    const burst = inParallel(BOOKINGS, 8, async (i) => {
      const result = await user.book(FLIGHTS[i % 4], date, 1, fares[i % 4]);
      done += 1;
      return { ...result, duringOutage: brokerStopped };
    });
    await eventually(() => expect(done).toBeGreaterThanOrEqual(40), 60_000);
    await stack.compose('stop', 'rabbitmq');
    brokerStopped = true;
    const results = await burst;

    expect(results.filter((result) => result.status !== 201)).toEqual([]);
    expect(results.filter((result) => result.duringOutage).length).toBeGreaterThan(0);
    await stack.compose('start', 'rabbitmq');

    const expected = before.map((seats) => seats - BOOKINGS / FLIGHTS.length);
    await eventually(async () => {
      expect(await Promise.all(FLIGHTS.map((flight) => user.seatsLeft(flight, date)))).toEqual(expected);
    }, 90_000);
    // Nothing left behind in booking's outbox, nothing dead-lettered anywhere.
    await eventually(async () => {
      const pending = await user.query('sum(messaging_outbox_pending_events{app="booking"})');
      expect(pending.map((sample) => sample.value)).toEqual([0]);
    }, 30_000);
    const deadLettered = await user.query('sum(messaging_events_dead_lettered_total)');
    expect(deadLettered.map((sample) => sample.value)).toEqual([0]);
  });
});
