import { PssUser } from './pss-user';
import { systemStack } from './system-stack';
import { daysFromToday, eventually, mapWithConcurrency, times } from '@pss/testing';

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
    const date = daysFromToday(30);
    const before = await Promise.all(FLIGHTS.map((flight) => user.seatsLeft(flight, date)));
    const fares = await Promise.all(FLIGHTS.map(async (flight) => (await user.flight(flight, date)).fare));

    // The burst in four parts, so that some bookings certainly meet each state of the broker:
    // up, stopping, stopped, starting. Flights alternate, so that their events interleave.
    let next = 0;
    const book = (count: number) =>
      mapWithConcurrency(times(count), 8, () => {
        const i = next++;
        return user.book(FLIGHTS[i % FLIGHTS.length], date, 1, fares[i % FLIGHTS.length]);
      });
    const results = [...(await book(60))];
    const [stopping] = await Promise.all([book(40), stack.compose('stop', 'rabbitmq')]);
    const stopped = await book(60);
    const [starting] = await Promise.all([book(40), stack.compose('start', 'rabbitmq')]);
    results.push(...stopping, ...stopped, ...starting);

    expect(results).toHaveLength(BOOKINGS);
    expect(results.filter((result) => result.status !== 201)).toEqual([]);

    const expected = before.map((seats) => seats - BOOKINGS / FLIGHTS.length);
    await eventually(async () => {
      expect(await Promise.all(FLIGHTS.map((flight) => user.seatsLeft(flight, date)))).toEqual(expected);
    }, 90_000);
    // Nothing left behind in booking's outbox, nothing dead-lettered anywhere.
    await eventually(async () => {
      const unsent = await user.query('max(messaging_outbox_unsent_events{app="booking"})');
      expect(unsent.map((sample) => sample.value)).toEqual([0]);
      const deadLettered = await user.query('max by (app) (messaging_dead_letter_queue_events)');
      expect(deadLettered.map((sample) => [sample.metric.app, sample.value]).sort()).toEqual([
        ['booking', 0],
        ['checkin', 0],
        ['fares', 0],
        ['search', 0],
      ]);
    }, 30_000);
  });
});
