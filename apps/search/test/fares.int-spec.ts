import { createIntegrationEvent } from '@pss/contracts';
import { publishEvents } from '@pss/messaging/testing';
import { daysFromToday, eventually } from '@pss/testing';
import { DataSource } from 'typeorm';
import { seedFlights } from '../src/schedule/seed-flights';
import { fareEvent, type FareChange } from './fare-events';
import { startSearch, type RunningSearch } from './search-app';

const NYC_FLIGHTS = ['BF101', 'BF105', 'BF106'];

// Invariant: search shows, for every flight and date, the fare of the newest `fare.changed` fares
// published, whatever order and however often the events arrive; nothing in search (its seed, a
// restart, its schedule route) changes a fare.
describe("search's fares follow fares' fare.changed events", () => {
  let search: RunningSearch;
  const faresOnDate = async (date: string) => {
    const response = await search.get(`/flights?origin=NYC&destination=SFO&date=${date}`);
    const flights = (await response.json()) as { flightNumber: string; fare: { amount: string } }[];
    return Object.fromEntries(flights.map((flight) => [flight.flightNumber, flight.fare.amount]));
  };
  const metric = (outcome: string) => search.counted('search_fare_events_total', outcome);

  beforeAll(async () => {
    search = await startSearch();
  });

  afterAll(async () => {
    await search?.close();
  });

  it('converges to the newest version per flight and date, events delivered twice and in reverse', async () => {
    const dates = [daysFromToday(10), daysFromToday(11)];
    const changes: FareChange[] = [];
    // Version 1 is the fare fares filed (the world published it).
    for (let fareVersion = 2; fareVersion <= 11; fareVersion++)
      for (const flightNumber of NYC_FLIGHTS)
        for (const flightDate of dates)
          changes.push({ flightNumber, flightDate, amount: `${100 + fareVersion}.50`, fareVersion });
    for (const date of dates)
      expect(await faresOnDate(date)).toEqual({ BF101: '101.00', BF105: '105.00', BF106: '106.00' });

    const taken = async () => (await metric('applied')) + (await metric('stale'));
    const before = await taken();
    const events = changes.map(fareEvent);
    await publishEvents(search.brokerUrl, [...events].reverse());
    await publishEvents(search.brokerUrl, events);
    await eventually(async () => expect((await taken()) - before).toBe(60), 30_000);
    for (const date of dates)
      expect(await faresOnDate(date)).toEqual({ BF101: '111.50', BF105: '111.50', BF106: '111.50' });
  });

  it("applies each fare of a bulk load's fare.bulk-changed, the newest version per flight winning", async () => {
    const date = daysFromToday(13);
    await publishEvents(search.brokerUrl, [
      fareEvent({ flightNumber: 'BF105', flightDate: date, amount: '99.00', fareVersion: 3 }),
    ]);
    await eventually(async () => expect((await faresOnDate(date)).BF105).toBe('99.00'), 20_000);
    const before = { applied: await metric('applied'), stale: await metric('stale') };
    const bulk = createIntegrationEvent('fare.bulk-changed', {
      fares: NYC_FLIGHTS.map((flightNumber) => ({
        flightNumber,
        flightDate: date,
        fare: { amount: '150.00', currency: 'USD' },
        fareVersion: 2,
      })),
    });
    await publishEvents(search.brokerUrl, [bulk]);
    await eventually(async () => expect((await metric('applied')) - before.applied).toBe(2), 20_000);
    expect((await metric('stale')) - before.stale).toBe(1);
    expect(await faresOnDate(date)).toEqual({ BF101: '150.00', BF105: '99.00', BF106: '150.00' });
  });

  it('keeps a followed fare when its seed runs again', async () => {
    const date = daysFromToday(12);
    await publishEvents(search.brokerUrl, [
      fareEvent({ flightNumber: 'BF101', flightDate: date, amount: '88.00', fareVersion: 2 }),
    ]);
    await eventually(async () => expect((await faresOnDate(date)).BF101).toBe('88.00'), 20_000);
    await seedFlights(search.app.get(DataSource));
    expect((await faresOnDate(date)).BF101).toBe('88.00');
  });

  it('keeps an event for a flight it does not have, and counts it', async () => {
    const unknown = fareEvent({
      flightNumber: 'BF999',
      flightDate: daysFromToday(13),
      amount: '1.00',
      fareVersion: 1,
    });
    await publishEvents(search.brokerUrl, [unknown]);
    await eventually(async () => {
      const kept = await search.app
        .get(DataSource)
        .query(`SELECT event_id, event_type FROM unknown_flight_events WHERE flight_number = 'BF999'`);
      expect(kept).toEqual([{ event_id: unknown.id, event_type: 'fare.changed' }]);
      expect(await metric('unknown_flight')).toBe(1);
    }, 20_000);
  });
});
