import type { PssIntegrationEvent } from '@pss/contracts';
import type { ProblemDetails } from '@pss/platform';
import { daysFromToday, eventually, expectMigrationsInStep, operatorAuthorization } from '@pss/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { publishEvents, takeQueuedEvents } from '@pss/messaging/testing';
import { seedWindow } from '../src/schedule/reference-schedule';
import { seedFlights } from '../src/schedule/seed-flights';
import { inventoryEvent, inventoryOpenedEvent } from './booking-events';
import { fareEvent } from './fare-events';
import { startSearch, type RunningSearch } from './search-app';

describe('search over HTTP, on PostgreSQL with the real migrations', () => {
  const configDir = mkdtempSync(join(tmpdir(), 'search-config-'));
  const closedOrigins = join(configDir, 'closed-origins');
  let search: RunningSearch;
  const tomorrow = daysFromToday(1);
  const flights = async (query: string) => {
    const response = await search.get(`/flights?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as {
      flightNumber: string;
      seatsAvailable: number;
      fare: { amount: string };
    }[];
  };
  /** What an operator sends for a flight from Boston, 80 seats. */
  const bostonFlight = (date: string) => ({
    origin: 'BOS',
    destination: 'SFO',
    departureTime: `${date}T12:00:00Z`,
    arrivalTime: `${date}T18:30:00Z`,
    capacity: 80,
  });
  const putFlight = (flightNumber: string, date: string, body: Record<string, unknown>) =>
    fetch(`${search.baseUrl}/flights/${flightNumber}/${date}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: operatorAuthorization() },
      body: JSON.stringify(body),
    });
  const problemOf = async (response: Response) => {
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as ProblemDetails;
  };

  beforeAll(async () => {
    writeFileSync(closedOrigins, '# no closed airports\n');
    search = await startSearch({ CLOSED_ORIGINS_FILE: closedOrigins });
  });

  afterAll(async () => {
    await search?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('finds the NYC to SFO flights of a day by departure, each with its fare and seats for sale', async () => {
    const response = await search.get(`/flights?origin=NYC&destination=SFO&date=${tomorrow}&passengers=2`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      {
        flightNumber: 'BF101',
        origin: 'NYC',
        destination: 'SFO',
        date: tomorrow,
        departureTime: `${tomorrow}T13:00:00.000Z`,
        arrivalTime: `${tomorrow}T19:25:00.000Z`,
        fare: { amount: '101.00', currency: 'USD' },
        seatsAvailable: 95,
      },
      expect.objectContaining({ flightNumber: 'BF105', fare: { amount: '105.00', currency: 'USD' } }),
      expect.objectContaining({ flightNumber: 'BF106', fare: { amount: '106.00', currency: 'USD' } }),
    ]);
  });

  it('leaves out flights without a seat for every passenger', async () => {
    const date = daysFromToday(2);
    await search.app
      .get(DataSource)
      .query(`UPDATE flights SET seats_available = 3 WHERE flight_number = 'BF105' AND flight_date = $1`, [
        date,
      ]);
    const numbers = async (passengers: number) =>
      (await flights(`origin=NYC&destination=SFO&date=${date}&passengers=${passengers}`)).map(
        (f) => f.flightNumber,
      );
    expect(await numbers(3)).toEqual(['BF101', 'BF105', 'BF106']);
    expect(await numbers(4)).toEqual(['BF101', 'BF106']);
  });

  it('answers an unknown route, or a day without flights, with an empty list', async () => {
    expect(await flights(`origin=SFO&destination=NYC&date=${tomorrow}`)).toEqual([]);
    expect(await flights(`origin=NYC&destination=SFO&date=${daysFromToday(400)}`)).toEqual([]);
  });

  it.each([
    [
      'origin=ny&destination=SFO&date=TOMORROW',
      'origin',
      'origin must be a three-letter airport code such as NYC',
    ],
    ['destination=SFO&date=TOMORROW', 'origin', 'origin is required'],
    [
      'origin=NYC&destination=sfo1&date=TOMORROW',
      'destination',
      'destination must be a three-letter airport code such as NYC',
    ],
    ['origin=NYC&destination=SFO&date=2020-01-01', 'date', 'date must not be in the past'],
    ['origin=NYC&destination=SFO&date=01-12-2026', 'date', 'date must be a date as YYYY-MM-DD'],
    ['origin=NYC&destination=SFO&date=2026-02-30', 'date', 'date must be a real calendar date'],
    ['origin=NYC&destination=SFO&date=TOMORROW&passengers=0', 'passengers', 'passengers must be at least 1'],
    ['origin=NYC&destination=SFO&date=TOMORROW&passengers=10', 'passengers', 'passengers must be at most 9'],
    [
      'origin=NYC&destination=SFO&date=TOMORROW&passengers=two',
      'passengers',
      'passengers must be a whole number',
    ],
    ['origin=NYC&destination=SFO&date=TOMORROW&cabin=first', 'cabin', 'property cabin should not exist'],
  ])('refuses %s with a 400 naming %s', async (query, field, detail) => {
    const problem = await problemOf(await search.get(`/flights?${query.replace('TOMORROW', tomorrow)}`));
    expect(problem.errors).toEqual([{ field, detail }]);
  });

  it('names every bad field at once', async () => {
    const problem = await problemOf(
      await search.get('/flights?origin=n&destination=&date=yesterday&passengers=99'),
    );
    expect(problem.errors?.map((error) => error.field)).toEqual([
      'origin',
      'destination',
      'date',
      'passengers',
    ]);
  });

  it("answers the book's POST /search/get with the book's body and shape, its dates included", async () => {
    const [year, month, day] = tomorrow.split('-');
    const bookDate = `${day}-${['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][Number(month) - 1]}-${year.slice(2)}`;
    for (const flightDate of [bookDate, tomorrow]) {
      const response = await fetch(`${search.baseUrl}/search/get`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ origin: 'NYC', destination: 'SFO', flightDate }),
      });
      expect(response.status).toBe(200);
      const [first] = (await response.json()) as unknown[];
      expect(first).toEqual({
        flightNumber: 'BF101',
        origin: 'NYC',
        destination: 'SFO',
        flightDate: tomorrow,
        fares: { fare: '101.00', currency: 'USD' },
        inventory: { count: 95 },
      });
    }
    const past = await fetch(`${search.baseUrl}/search/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ origin: 'NYC', destination: 'SFO', flightDate: '22-JAN-16' }),
    });
    expect((await problemOf(past)).errors).toEqual([
      { field: 'flightDate', detail: 'flightDate must not be in the past' },
    ]);
  });

  it('stops selling from an origin closed in its configuration file, without a restart', async () => {
    const query = `origin=NYC&destination=SFO&date=${tomorrow}`;
    writeFileSync(closedOrigins, 'JFK, NYC  # snow\n');
    await eventually(async () => expect(await flights(query)).toEqual([]), 10_000);
    expect(await flights(`origin=SEA&destination=SFO&date=${tomorrow}`)).toHaveLength(1);
    writeFileSync(closedOrigins, 'JFK\n');
    await eventually(async () => expect(await flights(query)).toHaveLength(3), 10_000);
  });

  it('adds a flight, shown once fares has a fare and booking seats for it, corrects it, and never takes a fare itself', async () => {
    const date = daysFromToday(3);
    const flight = bostonFlight(date);
    const bostonFlights = () => flights(`origin=BOS&destination=SFO&date=${date}`);
    expect(await bostonFlights()).toEqual([]);
    const anonymous = await fetch(`${search.baseUrl}/flights/BF107/${date}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(flight),
    });
    expect(anonymous.status).toBe(401);
    const added = await putFlight('BF107', date, flight);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({
      flightNumber: 'BF107',
      fare: null,
      capacity: 80,
      seatsAvailable: null,
    });
    expect(await bostonFlights()).toEqual([]);

    const dataSource = search.app.get(DataSource);
    const bf107 = async () =>
      (
        await dataSource.query(
          `SELECT fare_version AS "fareVersion", inventory_version AS "inventoryVersion" FROM flights
            WHERE flight_number = 'BF107' AND flight_date = $1`,
          [date],
        )
      )[0];
    await publishEvents(search.brokerUrl, [
      fareEvent({ flightNumber: 'BF107', flightDate: date, amount: '120.00', fareVersion: 1 }),
    ]);
    await eventually(async () => expect(await bf107()).toEqual({ fareVersion: 1, inventoryVersion: 0 }));
    expect(await bostonFlights()).toEqual([]);
    await publishEvents(search.brokerUrl, [
      inventoryOpenedEvent({
        flightNumber: 'BF107',
        flightDate: date,
        remainingSeats: 75,
        inventoryVersion: 1,
      }),
    ]);
    await eventually(async () =>
      expect(await bostonFlights()).toEqual([
        expect.objectContaining({
          flightNumber: 'BF107',
          seatsAvailable: 75,
          fare: { amount: '120.00', currency: 'USD' },
        }),
      ]),
    );
    expect((await putFlight('BF107', date, { ...flight, departureTime: `${date}T13:00:00Z` })).status).toBe(
      200,
    );
    expect(await bostonFlights()).toEqual([
      expect.objectContaining({
        departureTime: `${date}T13:00:00.000Z`,
        fare: { amount: '120.00', currency: 'USD' },
      }),
    ]);

    const withFare = await problemOf(
      await putFlight('BF107', date, { ...flight, fare: { amount: '1.00', currency: 'USD' } }),
    );
    expect(withFare.errors).toEqual([{ field: 'fare', detail: 'property fare should not exist' }]);
    const backwards = await problemOf(
      await putFlight('BF107', date, { ...flight, arrivalTime: `${date}T11:00:00Z` }),
    );
    expect(backwards.errors).toEqual([
      { field: 'arrivalTime', detail: 'arrivalTime must be after departureTime' },
    ]);
    expect((await bostonFlights())[0].fare).toEqual({ amount: '120.00', currency: 'USD' });
  });

  it('announces each flight it schedules and each change, once, with a version one higher', async () => {
    const date = daysFromToday(4);
    const flight = bostonFlight(date);
    expect((await putFlight('BF108', date, flight)).status).toBe(201);
    expect((await putFlight('BF108', date, flight)).status).toBe(200);
    expect((await putFlight('BF108', date, { ...flight, destination: 'LAX', capacity: 120 })).status).toBe(
      200,
    );

    // The outbox relay publishes after the commit: take the queue until both have come.
    const announced: PssIntegrationEvent[] = [];
    await eventually(async () => {
      const taken = await takeQueuedEvents(search.brokerUrl, 'checkin.events');
      announced.push(
        ...taken.filter((event) => 'flightNumber' in event.payload && event.payload.flightNumber === 'BF108'),
      );
      expect(announced.length).toBeGreaterThanOrEqual(2);
    }, 30_000);
    expect(announced.map((event) => [event.type, event.payload])).toEqual([
      [
        'flight.scheduled',
        {
          flightNumber: 'BF108',
          flightDate: date,
          origin: 'BOS',
          destination: 'SFO',
          departsAt: `${date}T12:00:00.000Z`,
          arrivesAt: `${date}T18:30:00.000Z`,
          capacity: 80,
          scheduleVersion: 1,
        },
      ],
      ['flight.changed', expect.objectContaining({ destination: 'LAX', capacity: 120, scheduleVersion: 2 })],
    ]);
  });

  it("answers the schedule's dates and a snapshot of a range, as its events say each flight, for a follower catching up", async () => {
    const date = daysFromToday(5);
    expect((await putFlight('BF109', date, bostonFlight(date))).status).toBe(201);
    expect((await putFlight('BF109', date, { ...bostonFlight(date), capacity: 90 })).status).toBe(200);

    const { from, to } = seedWindow(new Date());
    expect(await (await search.get('/schedule/dates')).json()).toEqual({ first: from, last: to });
    const response = await search.get(`/schedule/snapshot?from=${date}&to=${date}`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { flightNumber: string }[] };
    expect(items.map((item) => item.flightNumber)).toEqual([
      ...['BF100', 'BF101', 'BF102', 'BF103', 'BF104', 'BF105', 'BF106'],
      'BF109',
    ]);
    expect(items.at(-1)).toEqual({
      flightNumber: 'BF109',
      flightDate: date,
      origin: 'BOS',
      destination: 'SFO',
      departsAt: `${date}T12:00:00.000Z`,
      arrivesAt: `${date}T18:30:00.000Z`,
      capacity: 90,
      scheduleVersion: 2,
    });

    const tooLong = await search.get(`/schedule/snapshot?from=${date}&to=${daysFromToday(60)}`);
    expect(tooLong.status).toBe(400);
    expect((await problemOf(tooLong)).errors?.map((error) => error.field)).toEqual(['to']);
  });

  it('refuses a capacity that is not a whole number from 1 to 1000, or below the seats taken, and changes nothing', async () => {
    const date = daysFromToday(6);
    const flight = {
      origin: 'NYC',
      destination: 'SFO',
      departureTime: `${date}T13:00:00Z`,
      arrivalTime: `${date}T19:25:00Z`,
      capacity: 100,
    };
    await publishEvents(search.brokerUrl, [
      inventoryEvent({ flightNumber: 'BF101', flightDate: date, remainingSeats: 55, inventoryVersion: 2 }),
    ]);
    const seatsOf101 = async () =>
      (await flights(`origin=NYC&destination=SFO&date=${date}`)).find((f) => f.flightNumber === 'BF101')
        ?.seatsAvailable;
    await eventually(async () => expect(await seatsOf101()).toBe(55));
    for (const capacity of [0, -1, 1.5, 1001, '100'])
      expect((await problemOf(await putFlight('BF101', date, { ...flight, capacity }))).errors).toEqual([
        expect.objectContaining({ field: 'capacity' }),
      ]);
    const tooSmall = await problemOf(await putFlight('BF101', date, { ...flight, capacity: 44 }));
    expect(tooSmall.errors).toEqual([
      {
        field: 'capacity',
        detail: 'capacity must be at least 45: the seats already sold or held back on BF101',
      },
    ]);
    expect(await seatsOf101()).toBe(55);

    const smallest = await putFlight('BF101', date, { ...flight, capacity: 45 });
    expect(smallest.status).toBe(200);
    expect(await smallest.json()).toMatchObject({ capacity: 45, seatsAvailable: 0 });
  });

  it('is ready while its database and broker answer', async () => {
    const ready = await search.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      info: { database: { status: 'up' }, broker: { status: 'up' } },
    });
  });

  it('seeds the reference flights idempotently, announcing each once, and has migrations in step with its entities', async () => {
    const dataSource = search.app.get(DataSource);
    const count = async () =>
      (
        await dataSource.query(
          `SELECT (SELECT count(*)::int FROM flights WHERE flight_number BETWEEN 'BF100' AND 'BF106') AS flights,
                (SELECT count(*)::int FROM outbox_messages
                  WHERE event_type = 'flight.scheduled' AND aggregate_id BETWEEN 'BF100' AND 'BF106~') AS announced`,
        )
      )[0];
    const before = await count();
    expect(before.flights).toBe(7 * 188);
    expect(before.announced).toBe(before.flights);
    await seedFlights(dataSource);
    expect(await count()).toEqual(before);
    await expectMigrationsInStep(dataSource, seedFlights);
  });
});
