import { daysFromToday, eventually } from '@pss/testing';
import { createIntegrationEvent } from '@pss/contracts';
import { publishEvents } from '@pss/messaging/testing';
import { DataSource } from 'typeorm';
import { inventoryEvent, type InventoryChange } from './booking-events';
import { startSearch, type RunningSearch } from './search-app';

const FLIGHTS = ['BF100', 'BF101', 'BF102', 'BF103', 'BF104', 'BF105', 'BF106'];
const ROUTES: Record<string, string> = {
  BF100: 'SEA',
  BF101: 'NYC',
  BF102: 'CHI',
  BF103: 'HOU',
  BF104: 'LAX',
  BF105: 'NYC',
  BF106: 'NYC',
};

/** A seeded random order, so that a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

describe("search's seats follow booking's inventory events", () => {
  let search: RunningSearch;
  const seatsOf = async (flightNumber: string, date: string) => {
    const response = await search.get(`/flights?origin=${ROUTES[flightNumber]}&destination=SFO&date=${date}`);
    const flights = (await response.json()) as { flightNumber: string; seatsAvailable: number }[];
    return flights.find((flight) => flight.flightNumber === flightNumber)?.seatsAvailable;
  };
  const metric = (outcome: string) => search.counted('search_inventory_events_total', outcome);

  beforeAll(async () => {
    search = await startSearch();
  });

  afterAll(async () => {
    await search?.close();
  });

  it('converges to the newest version per flight and date after 500 events, each delivered twice, out of order', async () => {
    const dates = [daysFromToday(10), daysFromToday(11), daysFromToday(12)];
    const changes: InventoryChange[] = [];
    for (let version = 1; changes.length < 500; version++) {
      for (const flightNumber of FLIGHTS) {
        for (const flightDate of dates) {
          if (changes.length < 500)
            changes.push({
              flightNumber,
              flightDate,
              remainingSeats: 95 - version,
              inventoryVersion: version,
            });
        }
      }
    }
    const events = changes.map(inventoryEvent);
    for (const date of dates) await seatsOf('BF101', date); // cache the routes first: invalidations must reach them
    const handledBefore = (await metric('applied')) + (await metric('stale'));
    const inboxed = async () =>
      (
        await search.app
          .get(DataSource)
          .query(`SELECT count(*)::int AS inbox FROM inbox_messages WHERE event_type = 'booking.confirmed'`)
      )[0].inbox;
    const inboxedBefore = await inboxed();
    await publishEvents(search.brokerUrl, [...shuffled(events, 7), ...shuffled(events, 11)]);

    const newest = new Map<string, InventoryChange>();
    for (const change of changes) {
      const key = `${change.flightNumber}/${change.flightDate}`;
      if ((newest.get(key)?.inventoryVersion ?? 0) < change.inventoryVersion) newest.set(key, change);
    }
    await eventually(async () => {
      const handled = (await metric('applied')) + (await metric('stale'));
      expect(handled - handledBefore).toBe(500);
    }, 60_000);
    for (const change of newest.values()) {
      expect(await seatsOf(change.flightNumber, change.flightDate)).toBe(change.remainingSeats);
    }
    expect((await inboxed()) - inboxedBefore).toBe(500);
  });

  it("applies each inventory of a bulk load's booking.bulk-inventory-changed, the newest version winning", async () => {
    const date = daysFromToday(14);
    await publishEvents(search.brokerUrl, [
      inventoryEvent({ flightNumber: 'BF101', flightDate: date, remainingSeats: 40, inventoryVersion: 5 }),
    ]);
    await eventually(async () => expect(await seatsOf('BF101', date)).toBe(40), 20_000);
    const before = await metric('applied');
    const bulk = createIntegrationEvent('booking.bulk-inventory-changed', {
      inventories: ['BF100', 'BF101', 'BF102'].map((flightNumber) => ({
        flightNumber,
        flightDate: date,
        remainingSeats: 70,
        inventoryVersion: 2,
      })),
    });
    await publishEvents(search.brokerUrl, [bulk]);
    await eventually(async () => expect((await metric('applied')) - before).toBe(2), 20_000);
    expect([
      await seatsOf('BF100', date),
      await seatsOf('BF101', date),
      await seatsOf('BF102', date),
    ]).toEqual([70, 40, 70]);
  });

  it('keeps an event for a flight it does not have, counts it, and goes on with the next', async () => {
    const date = daysFromToday(20);
    const unknown = inventoryEvent({
      flightNumber: 'BF999',
      flightDate: date,
      remainingSeats: 10,
      inventoryVersion: 1,
    });
    const known = inventoryEvent({
      flightNumber: 'BF104',
      flightDate: date,
      remainingSeats: 42,
      inventoryVersion: 2,
    });
    await publishEvents(search.brokerUrl, [unknown, known]);
    await eventually(async () => expect(await seatsOf('BF104', date)).toBe(42), 20_000);
    // Events of different flights may be handled side by side: the unknown one may end later.
    await eventually(async () => {
      const kept = await search.app
        .get(DataSource)
        .query(`SELECT event_id, flight_number FROM unknown_flight_events WHERE flight_number = 'BF999'`);
      expect(kept).toEqual([{ event_id: unknown.id, flight_number: 'BF999' }]);
      expect(await metric('unknown_flight')).toBe(1);
    }, 20_000);
  });

  it("applies a bulk event's items for flights it has, and keeps the first of those it does not have", async () => {
    const date = daysFromToday(21);
    const before = { applied: await metric('applied'), unknown: await metric('unknown_flight') };
    const inventory = (flightNumber: string) => ({
      flightNumber,
      flightDate: date,
      remainingSeats: 33,
      inventoryVersion: 2,
    });
    const bulk = createIntegrationEvent('booking.bulk-inventory-changed', {
      inventories: [inventory('BF997'), inventory('BF103'), inventory('BF998')],
    });
    await publishEvents(search.brokerUrl, [bulk]);
    await eventually(async () => expect((await metric('unknown_flight')) - before.unknown).toBe(2), 20_000);
    expect((await metric('applied')) - before.applied).toBe(1);
    expect(await seatsOf('BF103', date)).toBe(33);
    const kept = await search.app
      .get(DataSource)
      .query(`SELECT flight_number FROM unknown_flight_events WHERE event_id = $1`, [bulk.id]);
    expect(kept).toEqual([{ flight_number: 'BF997' }]);
  });

  it('shows the new seats in the first search after the event is applied, though the route was cached', async () => {
    const date = daysFromToday(30);
    expect(await seatsOf('BF102', date)).toBe(95);
    expect(await seatsOf('BF102', date)).toBe(95); // now from the cache
    await publishEvents(search.brokerUrl, [
      inventoryEvent({ flightNumber: 'BF102', flightDate: date, remainingSeats: 7, inventoryVersion: 2 }),
    ]);
    const dataSource = search.app.get(DataSource);
    await eventually(async () => {
      const [{ seats }] = await dataSource.query(
        `SELECT seats_available AS seats FROM flights WHERE flight_number = 'BF102' AND flight_date = $1`,
        [date],
      );
      expect(seats).toBe(7);
    }, 20_000);
    await eventually(async () => expect(await seatsOf('BF102', date)).toBe(7), 1_000);
  });
});
