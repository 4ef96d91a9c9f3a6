import {
  daysFromToday,
  docker,
  eventually,
  freePort,
  mapWithConcurrency,
  startRabbitMqOnPort,
  times,
} from '@pss/testing';
import type { StartedTestContainer } from 'testcontainers';
import { startCheckinWorld, type CheckinWorld } from './checkin-world';
import { endStates, raceCheckinsWithCancels, tally, type PairAnswers } from './race';

/**
 * The invariant: a booking is either cancelled or checked in, never both, whatever the timing, with
 * RabbitMQ up or down. Each booking gets a check-in and a cancel at the same moment; both databases
 * are read at the end. RabbitMQ is this suite's own, so that it can be stopped.
 */
describe('a check-in racing a cancel of the same booking', () => {
  let broker: StartedTestContainer;
  let world: CheckinWorld;
  const tomorrow = daysFromToday(1);
  const book100 = async (flightNumber: string) =>
    (await mapWithConcurrency(times(100), 10, () => world.book(flightNumber, tomorrow))).map(
      (booking) => booking.id,
    );
  const expectOneWinnerEach = (answers: PairAnswers[], states: Map<string, string>) => {
    const broken = [...states].filter(([, state]) => state !== 'checked in' && state !== 'cancelled');
    expect({ broken, tally: tally(states) }).toEqual({ broken: [], tally: expect.anything() });
    expect(states.size).toBe(answers.length);
    for (const { bookingId, checkin, cancel } of answers) {
      const won = states.get(bookingId) === 'checked in' ? [201, 409] : [409, 200];
      expect({ bookingId, answers: [checkin, cancel] }).toEqual({ bookingId, answers: won });
    }
  };

  /**
   * A check-in answered 503 (booking did not answer in time, or RabbitMQ was away) may have been
   * accepted by booking before check-in gave up: the passenger retries, as its Retry-After asks,
   * and the retry completes it (or is refused, if the cancel won).
   */
  const retryUnavailableCheckins = async (answers: PairAnswers[]) => {
    for (const pair of answers.filter((answer) => answer.checkin === 503)) {
      const retried = await world.checkIn({ bookingId: pair.bookingId });
      await retried.body?.cancel();
      pair.checkin = retried.status;
    }
  };

  beforeAll(async () => {
    const port = await freePort();
    broker = await startRabbitMqOnPort(port);
    world = await startCheckinWorld(`amqp://guest:guest@127.0.0.1:${port}`);
  }, 300_000);

  afterAll(async () => {
    await world?.close();
    await broker?.stop();
  });

  it('100 races with RabbitMQ up: each booking is checked in with boarding passes, or cancelled with none', async () => {
    const bookingIds = await book100('BF101');
    const answers = await raceCheckinsWithCancels(world, bookingIds);
    await retryUnavailableCheckins(answers);
    expectOneWinnerEach(answers, await endStates(world, bookingIds));
  });

  it('100 races with RabbitMQ stopped meanwhile: the same, once the check-ins answered 503 are retried', async () => {
    const bookingIds = await book100('BF102');
    const container = docker.getContainer(broker.getId());
    const [answers] = await Promise.all([
      raceCheckinsWithCancels(world, bookingIds),
      container.stop({ t: 10 }),
    ]);
    const cancelledWithPasses = [...(await endStates(world, bookingIds)).values()].filter((state) =>
      /^CANCELLED with \d+ boarding passes$/.test(state),
    );
    expect(cancelledWithPasses).toEqual([]);

    await container.start();
    await eventually(async () => expect((await world.get('/health/ready')).status).toBe(200), 90_000);
    await retryUnavailableCheckins(answers);
    expectOneWinnerEach(answers, await endStates(world, bookingIds));
  });
});
