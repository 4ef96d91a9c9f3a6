import type { FareChangedEvent } from '@pss/contracts';
import { queueFor } from '@pss/messaging';
import {
  publishEvents,
  referenceScheduleEvents,
  scheduledFlightEvent,
  takeQueuedEvents,
} from '@pss/messaging/testing';
import { daysFromToday, mapWithConcurrency, operatorAuthorization, times, waitUntil } from '@pss/testing';
import { DataSource } from 'typeorm';
import { problemOf, startFares, type RunningFares } from './fares-app';

// Invariants: only fares changes a fare, through this operator route; a change is published as
// `fare.changed` if and only if it commits, with versions that follow commit order, so that a
// follower keeping the highest version ends at the fare fares answers; bad input changes nothing.
describe('an operator changes a fare', () => {
  let fares: RunningFares;
  // search's queue is bound to fare.changed: what it holds is what search would receive.
  const published = async (): Promise<FareChangedEvent[]> =>
    (await takeQueuedEvents(fares.brokerUrl, queueFor('search'))) as FareChangedEvent[];
  const quote = async (flightNumber: string, flightDate: string) => {
    const response = await fetch(
      `${fares.baseUrl}/fares?flightNumber=${flightNumber}&flightDate=${flightDate}`,
    );
    return ((await response.json()) as { fare: unknown }).fare;
  };
  const put = (path: string, body: unknown, authorization = operatorAuthorization()) =>
    fetch(`${fares.baseUrl}/fares/${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    fares = await startFares();
    await published(); // the book's fares, filed as the schedule was announced
  });

  afterAll(async () => {
    await fares?.close();
  });

  it('answers the new fare, quotes it at once, and publishes fare.changed with the next version', async () => {
    const date = daysFromToday(3);
    const response = await put(`BF101/${date}`, { amount: '120.00', currency: 'USD' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      flightNumber: 'BF101',
      flightDate: date,
      fare: { amount: '120.00', currency: 'USD' },
    });
    expect(await quote('BF101', date)).toEqual({ amount: '120.00', currency: 'USD' });

    let events: FareChangedEvent[] = [];
    await waitUntil('fare.changed published', async () => (events = await published()).length > 0, 10_000);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'fare.changed',
        payload: {
          flightNumber: 'BF101',
          flightDate: date,
          fare: { amount: '120.00', currency: 'USD' },
          fareVersion: 2,
        },
      }),
    ]);
  });

  it('files the first fare of a flight the schedule announced: 201, version 1, then changes as any other', async () => {
    const date = daysFromToday(6);
    await publishEvents(fares.brokerUrl, [scheduledFlightEvent('BF777', date)]);
    let filed: Response | undefined;
    await waitUntil(
      'fares heard of BF777',
      async () => (filed = await put(`BF777/${date}`, { amount: '150.00', currency: 'EUR' })).status !== 404,
      10_000,
    );
    expect(filed?.status).toBe(201);
    expect(await quote('BF777', date)).toEqual({ amount: '150.00', currency: 'EUR' });
    expect((await put(`BF777/${date}`, { amount: '155.00', currency: 'EUR' })).status).toBe(200);
    let events: FareChangedEvent[] = [];
    await waitUntil(
      'both published',
      async () => (events = [...events, ...(await published())]).length >= 2,
      10_000,
    );
    expect(events.map(({ payload }) => [payload.fare.amount, payload.fareVersion])).toEqual([
      ['150.00', 1],
      ['155.00', 2],
    ]);
  });

  it('takes the same amount again as no change: no new version, no event', async () => {
    const date = daysFromToday(4);
    expect((await put(`BF102/${date}`, { amount: '130.00', currency: 'USD' })).status).toBe(200);
    expect((await put(`BF102/${date}`, { amount: '130.00', currency: 'USD' })).status).toBe(200);
    expect((await put(`BF102/${date}`, { amount: '0130.00', currency: 'USD' })).status).toBe(200);
    await waitUntil('the outbox is relayed', async () => (await unsent()) === 0, 10_000);
    expect((await published()).map((event) => event.payload.fareVersion)).toEqual([2]);
  });

  it.each([
    ['without the operator account', 'BF101', { amount: '1.00', currency: 'USD' }, 401, null],
    ['for a flight not scheduled on that date', 'BF101', { amount: '1.00', currency: 'USD' }, 404, null],
    ['with a negative amount', 'BF101', { amount: '-1.00', currency: 'USD' }, 400, 'amount'],
    ['with a float for an amount', 'BF101', { amount: 99.5, currency: 'USD' }, 400, 'amount'],
    [
      'in a currency the flight is not sold in',
      'BF101',
      { amount: '1.00', currency: 'EUR' },
      400,
      'currency',
    ],
    ['with no currency', 'BF101', { amount: '1.00' }, 400, 'currency'],
    ['with an unknown field', 'BF101', { amount: '1.00', currency: 'USD', seats: 3 }, 400, 'seats'],
    ['for a malformed flight number', 'BF1', { amount: '1.00', currency: 'USD' }, 400, 'flightNumber'],
  ])(
    'refuses a change %s, naming what is wrong, and changes nothing',
    async (_, flight, body, status, field) => {
      const date = status === 404 ? '2000-01-01' : daysFromToday(5);
      const before = await faresRows();
      const authorization =
        status === 401
          ? `Basic ${Buffer.from('operator:wrong').toString('base64')}`
          : operatorAuthorization();
      const response = await put(`${flight}/${date}`, body, authorization);
      expect(response.status).toBe(status);
      const problem = await problemOf(response);
      if (field) expect(problem.errors?.map((error) => error.field)).toEqual([field]);
      expect(await faresRows()).toEqual(before);
      expect(await unsent()).toBe(0);
      expect(await published()).toEqual([]);
    },
  );

  it('publishes racing changes with distinct versions in commit order: the newest is the fare fares answers', async () => {
    const date = daysFromToday(6);
    const amounts = times(20).map((i) => `${200 + i}.00`);
    const answers = await mapWithConcurrency(amounts, 20, (amount) =>
      put(`BF103/${date}`, { amount, currency: 'USD' }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(amounts.map(() => 200));

    const events: FareChangedEvent[] = [];
    await waitUntil(
      '20 fare.changed published',
      async () => {
        events.push(...(await published()));
        return events.length >= 20;
      },
      10_000,
    );
    expect(events.map((event) => event.payload.fareVersion)).toEqual(times(20).map((i) => i + 2));
    const newest = events[events.length - 1].payload.fare;
    expect(await quote('BF103', date)).toEqual(newest);
  });

  it('keeps a changed fare when the schedule announces the flight again', async () => {
    const date = daysFromToday(7);
    expect((await put(`BF104/${date}`, { amount: '150.00', currency: 'USD' })).status).toBe(200);
    const [again] = referenceScheduleEvents([date]).filter((event) => event.payload.flightNumber === 'BF104');
    await publishEvents(fares.brokerUrl, [again]);
    await waitUntil(
      'the event taken',
      async () =>
        (
          await fares.app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_messages WHERE event_id = $1', [again.id])
        ).length === 1,
      10_000,
    );
    expect(await quote('BF104', date)).toEqual({ amount: '150.00', currency: 'USD' });
    await waitUntil('the outbox is relayed', async () => (await unsent()) === 0, 10_000);
    await published();
  });

  it('answers a snapshot of a range of dates with every fare at its version, for a follower catching up', async () => {
    const [from, to] = [daysFromToday(8), daysFromToday(9)];
    expect((await put(`BF105/${to}`, { amount: '155.00', currency: 'USD' })).status).toBe(200);
    const response = await fetch(`${fares.baseUrl}/fares/snapshot?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const snapshot = (await response.json()) as { items: { flightNumber: string; flightDate: string }[] };
    expect(snapshot.items).toHaveLength(14);
    expect(snapshot.items[0]).toEqual({
      flightNumber: 'BF100',
      flightDate: from,
      fare: { amount: '100.00', currency: 'USD' },
      fareVersion: 1,
    });
    expect(snapshot.items.find((fare) => fare.flightNumber === 'BF105' && fare.flightDate === to)).toEqual({
      flightNumber: 'BF105',
      flightDate: to,
      fare: { amount: '155.00', currency: 'USD' },
      fareVersion: 2,
    });
    await waitUntil('the outbox is relayed', async () => (await unsent()) === 0, 10_000);
    await published();

    const tooLong = await fetch(`${fares.baseUrl}/fares/snapshot?from=${from}&to=${daysFromToday(60)}`);
    expect(tooLong.status).toBe(400);
    expect((await problemOf(tooLong)).errors?.map((error) => error.field)).toEqual(['to']);
  });

  const faresRows = () =>
    fares.app.get(DataSource).query('SELECT * FROM fares ORDER BY flight_number, flight_date');
  const unsent = async () =>
    Number(
      (
        await fares.app
          .get(DataSource)
          .query('SELECT count(*) AS n FROM outbox_messages WHERE sent_at IS NULL')
      )[0].n,
    );
});
