import type { ProblemDetails } from '@pss/platform';
import { createIntegrationEvent, type ScheduledFlightPayload } from '@pss/contracts';
import { daysFromToday, eventually, expectMigrationsInStep, operatorAuthorization } from '@pss/testing';
import { bulkScheduledEvent, publishEvents, scheduledFlightEvent } from '@pss/messaging/testing';
import { bookingRequest, quotesDropped, startBookingWorld, type BookingWorld } from './booking-world';

interface BookingBody {
  id: string;
  reference: string;
  status: string;
  passengers: { lastName: string }[];
}

describe('booking over HTTP, with the fares service and a registry', () => {
  let world: BookingWorld;
  const counts = async () => {
    const [row] = await world.dataSource.query(
      `SELECT (SELECT count(*)::int FROM bookings) AS bookings, (SELECT count(*)::int FROM passengers) AS passengers,
              (SELECT count(*)::int FROM outbox_messages) AS events, (SELECT sum(seats_sold)::int FROM inventories) AS sold`,
    );
    return row as { bookings: number; passengers: number; events: number; sold: number };
  };
  const problemOf = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as ProblemDetails;
  };
  const outboxPayloads = (bookingId: string) =>
    world.dataSource.query(
      `SELECT event_type AS type, payload->'payload' AS payload FROM outbox_messages
        WHERE payload->'payload'->>'bookingId' = $1 ORDER BY id`,
      [bookingId],
    );

  beforeAll(async () => {
    world = await startBookingWorld();
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  it('books two passengers at the quoted fare: 201, Location, a reference, CONFIRMED, and one event', async () => {
    const date = daysFromToday(5);
    const response = await world.post('/bookings', bookingRequest(date));
    expect(response.status).toBe(201);
    const booking = (await response.json()) as BookingBody;
    expect(response.headers.get('location')).toBe(`/bookings/${booking.id}`);
    expect(booking).toMatchObject({
      status: 'CONFIRMED',
      flightNumber: 'BF101',
      flightDate: date,
      fare: { amount: '101.00', currency: 'USD' },
      passengers: [
        { firstName: 'Gean A', lastName: 'Franc', gender: 'Male' },
        { firstName: 'Gean B', lastName: 'Franc', gender: 'Male' },
      ],
    });
    expect(booking.reference).toMatch(/^[A-Z2-9]{6}$/);
    expect(await (await world.get(`/bookings/${booking.id}`)).json()).toEqual(booking);
    expect(await outboxPayloads(booking.id)).toEqual([
      {
        type: 'booking.confirmed',
        payload: {
          bookingId: booking.id,
          flightNumber: 'BF101',
          flightDate: date,
          seats: 2,
          remainingSeats: 93,
          inventoryVersion: 2,
        },
      },
    ]);
  });

  it('finds a booking by reference and last name, in any case, and by nothing less', async () => {
    const booking = (await (
      await world.post('/bookings', bookingRequest(daysFromToday(6), 1))
    ).json()) as BookingBody;
    const found = await world.get(`/bookings?reference=${booking.reference}&lastName=fRANC`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as BookingBody).id).toBe(booking.id);
    const wrongName = await problemOf(
      await world.get(`/bookings?reference=${booking.reference}&lastName=Smith`),
      404,
    );
    expect(wrongName.detail).toBe(`No booking ${booking.reference} for Smith`);
    await problemOf(await world.get(`/bookings?reference=${booking.reference}`), 400);
    await problemOf(await world.get('/bookings/not-a-uuid'), 400);
    await problemOf(await world.get('/bookings/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('refuses a fare that is not the quoted one with 409 and the current fare, and writes nothing', async () => {
    const before = await counts();
    const problem = await problemOf(
      await world.post(
        '/bookings',
        bookingRequest(daysFromToday(5), 2, { fare: { amount: '99.00', currency: 'USD' } }),
      ),
      409,
    );
    expect(problem).toMatchObject({
      detail: `The fare does not match: BF101 on ${daysFromToday(5)} costs 101.00 USD`,
      currentFare: { amount: '101.00', currency: 'USD' },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses the old fare within a second of an operator changing it, though it kept a quote, and takes the new', async () => {
    const date = daysFromToday(14);
    expect((await world.post('/bookings', bookingRequest(date, 1))).status).toBe(201); // 101.00 is kept now
    const newFare = { amount: '111.00', currency: 'USD' };
    const changed = await fetch(`http://127.0.0.1:${world.fares.port}/fares/BF101/${date}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: operatorAuthorization() },
      body: JSON.stringify(newFare),
    });
    expect(changed.status).toBe(200);
    await eventually(async () => {
      const refused = await problemOf(await world.post('/bookings', bookingRequest(date, 1)), 409);
      expect(refused.currentFare).toEqual(newFare);
    }, 1_000);
    expect((await world.post('/bookings', bookingRequest(date, 1, { fare: newFare }))).status).toBe(201);
  });

  it("drops a quote for each fare of a bulk load's fare.bulk-changed", async () => {
    const dropped = () => quotesDropped(world.get);
    const before = await dropped();
    const date = daysFromToday(16);
    const bulk = createIntegrationEvent('fare.bulk-changed', {
      fares: ['BF101', 'BF105'].map((flightNumber) => ({
        flightNumber,
        flightDate: date,
        fare: { amount: '150.00', currency: 'USD' },
        fareVersion: 2,
      })),
    });
    await publishEvents(world.brokerUrl, [bulk]);
    await eventually(async () => expect((await dropped()) - before).toBe(2));
  });

  it('answers a snapshot of the seats of a range of dates, as its inventory events say them', async () => {
    const date = daysFromToday(15);
    expect((await world.post('/bookings', bookingRequest(date, 2))).status).toBe(201);
    const response = await world.get(`/inventories/snapshot?from=${date}&to=${date}`);
    expect(response.status).toBe(200);
    const { items: inventories } = (await response.json()) as { items: { flightNumber: string }[] };
    expect(inventories).toHaveLength(7);
    const of = (flightNumber: string) =>
      inventories.find((inventory) => inventory.flightNumber === flightNumber);
    expect(of('BF101')).toEqual({
      flightNumber: 'BF101',
      flightDate: date,
      remainingSeats: 93,
      inventoryVersion: 2,
    });
    expect(of('BF100')).toEqual({
      flightNumber: 'BF100',
      flightDate: date,
      remainingSeats: 95,
      inventoryVersion: 1,
    });
    await problemOf(await world.get(`/inventories/snapshot?from=${date}`), 400);
  });

  it('refuses a flight without a fare, or on another route, with 422, and writes nothing', async () => {
    const before = await counts();
    const noFare = await problemOf(await world.post('/bookings', bookingRequest(daysFromToday(300))), 422);
    expect(noFare.detail).toBe(`BF101 has no fare on ${daysFromToday(300)}`);
    const wrongRoute = await problemOf(
      await world.post('/bookings', bookingRequest(daysFromToday(5), 1, { origin: 'SEA' })),
      422,
    );
    expect(wrongRoute.detail).toBe('BF101 flies NYC to SFO, not SEA to SFO');
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      { flightNumber: 'bf-1' },
      'flightNumber',
      'flightNumber must be an airline code and 1 to 4 digits, such as BF101',
    ],
    [{ origin: 'ny' }, 'origin', 'origin must be a three-letter airport code such as NYC'],
    [{ flightDate: '2020-01-01' }, 'flightDate', 'flightDate must not be in the past'],
    [
      { fare: { amount: '101', currency: 'USD' } },
      'fare.amount',
      'amount must be a decimal with two places, such as 101.00',
    ],
    [{ fare: undefined }, 'fare', 'fare is required'],
    [{ passengers: [] }, 'passengers', 'passengers must name at least one passenger'],
    [
      { passengers: bookingRequest('2999-01-01', 10).passengers },
      'passengers',
      'passengers must be at most 9',
    ],
    [
      { passengers: [{ firstName: 'Gean', lastName: '', gender: 'Male' }] },
      'passengers.0.lastName',
      'lastName must be 1 to 60 characters',
    ],
    [
      { passengers: [{ firstName: 'Gean', lastName: 'Franc', gender: 'M' }] },
      'passengers.0.gender',
      'gender must be one of Male, Female, Unspecified',
    ],
    [{ seatClass: 'first' }, 'seatClass', 'property seatClass should not exist'],
  ])('refuses %j with 400 naming %s, and writes nothing', async (overrides, field, detail) => {
    const before = await counts();
    const problem = await problemOf(
      await world.post('/bookings', bookingRequest(daysFromToday(5), 1, overrides)),
      400,
    );
    expect(problem.errors).toEqual([{ field, detail }]);
    expect(await counts()).toEqual(before);
  });

  it('sells exactly the sellable seats to 300 concurrent requests for 2 seats: 47 booked, 253 told 409, no 5xx', async () => {
    const date = daysFromToday(7);
    const responses = await Promise.all(
      Array.from({ length: 300 }, () =>
        world.post(
          '/bookings',
          bookingRequest(date, 2, { flightNumber: 'BF105', fare: { amount: '105.00', currency: 'USD' } }),
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(47);
    expect(statuses.filter((status) => status === 409)).toHaveLength(253);
    const [inventory] = await world.dataSource.query(
      `SELECT seats_sold, version FROM inventories WHERE flight_number = 'BF105' AND flight_date = $1`,
      [date],
    );
    expect(inventory).toEqual({ seats_sold: 94, version: 48 });
    const events = await world.dataSource.query(
      `SELECT (payload->'payload'->>'remainingSeats')::int AS remaining, (payload->'payload'->>'inventoryVersion')::int AS version
         FROM outbox_messages WHERE payload->'payload'->>'flightNumber' = 'BF105' AND payload->'payload'->>'flightDate' = $1
        ORDER BY version`,
      [date],
    );
    // Version 1 is the inventory booking opened from the schedule's event, with its seats for sale.
    expect(events).toEqual([
      { remaining: 95, version: 1 },
      ...Array.from({ length: 47 }, (_, i) => ({ remaining: 93 - 2 * i, version: i + 2 })),
    ]);
  });

  it('makes one booking for one Idempotency-Key retried 10 times at once, selling its seats once, and refuses the key with another body', async () => {
    const date = daysFromToday(8);
    const key = `retry-${date}`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        world.post('/bookings', bookingRequest(date), { 'Idempotency-Key': key }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const ids = new Set(
      await Promise.all(responses.map(async (response) => ((await response.json()) as BookingBody).id)),
    );
    expect(ids.size).toBe(1);
    expect(
      responses.filter((response) => response.headers.get('idempotent-replayed') === 'true'),
    ).toHaveLength(9);
    const [{ bookings }] = await world.dataSource.query(
      'SELECT count(*)::int AS bookings FROM bookings WHERE idempotency_key = $1',
      [key],
    );
    expect(bookings).toBe(1);
    expect(await outboxPayloads([...ids][0])).toHaveLength(1);
    const [inventory] = await world.dataSource.query(
      `SELECT seats_sold, version FROM inventories WHERE flight_number = 'BF101' AND flight_date = $1`,
      [date],
    );
    expect(inventory).toEqual({ seats_sold: 2, version: 2 });
    const other = await problemOf(
      await world.post('/bookings', bookingRequest(date, 3), { 'Idempotency-Key': key }),
      422,
    );
    expect(other.detail).toBe('This Idempotency-Key was already used with a different request');
  });

  it('cancels a booking: its seats go back on sale, one event; cancelling again changes nothing', async () => {
    const date = daysFromToday(9);
    const booking = (await (await world.post('/bookings', bookingRequest(date, 3))).json()) as BookingBody;
    const cancelled = await world.post(`/bookings/${booking.id}/cancel`, undefined);
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as BookingBody).status).toBe('CANCELLED');
    expect((await world.post(`/bookings/${booking.id}/cancel`, undefined)).status).toBe(200);
    const [inventory] = await world.dataSource.query(
      `SELECT seats_sold, version FROM inventories WHERE flight_number = 'BF101' AND flight_date = $1`,
      [date],
    );
    expect(inventory).toEqual({ seats_sold: 0, version: 3 });
    expect((await outboxPayloads(booking.id)).map((event: { type: string }) => event.type)).toEqual([
      'booking.confirmed',
      'booking.cancelled',
    ]);
    await problemOf(
      await world.post('/bookings/00000000-0000-4000-8000-000000000000/cancel', undefined),
      404,
    );
  });

  it('becomes CHECKED_IN on checkin.completed, once, and can no longer be cancelled', async () => {
    const booking = (await (
      await world.post('/bookings', bookingRequest(daysFromToday(11), 1))
    ).json()) as BookingBody;
    const event = createIntegrationEvent('checkin.completed', {
      checkinId: 'checkin-1',
      bookingId: booking.id,
    });
    await publishEvents(world.brokerUrl, [event, event]);
    await eventually(async () => {
      expect(((await (await world.get(`/bookings/${booking.id}`)).json()) as BookingBody).status).toBe(
        'CHECKED_IN',
      );
    }, 20_000);
    const refused = await problemOf(await world.post(`/bookings/${booking.id}/cancel`, undefined), 409);
    expect(refused.detail).toBe('A checked-in booking cannot be cancelled');
    const metrics = await (await world.get('/metrics')).text();
    expect(metrics).toMatch(/booking_checkin_events_total\{outcome="checked_in"[^}]*\} 1/);
  });

  it('moves a booking to CHECKED_IN for one check-in: again for it 200, for another or after a cancel 409', async () => {
    const checkinId = '6f1c2d3e-4b5a-5c6d-8e7f-0a1b2c3d4e5f';
    const booking = (await (
      await world.post('/bookings', bookingRequest(daysFromToday(12), 1))
    ).json()) as BookingBody;
    const checkIn = (id: string, body: unknown) => world.post(`/bookings/${id}/check-in`, body);
    const first = await checkIn(booking.id, { checkinId });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ...booking, status: 'CHECKED_IN' });
    const again = await checkIn(booking.id, { checkinId: checkinId.toUpperCase() });
    expect(again.status).toBe(200);
    const other = await checkIn(booking.id, { checkinId: '00000000-0000-4000-8000-000000000002' });
    expect((await problemOf(other, 409)).detail).toBe(`Booking ${booking.id} is already checked in`);
    const cancel = await world.post(`/bookings/${booking.id}/cancel`, undefined);
    expect((await problemOf(cancel, 409)).detail).toBe('A checked-in booking cannot be cancelled');
    const [row] = await world.dataSource.query('SELECT status, checkin_id FROM bookings WHERE id = $1', [
      booking.id,
    ]);
    expect(row).toEqual({ status: 'CHECKED_IN', checkin_id: checkinId });
    expect((await outboxPayloads(booking.id)).map((event: { type: string }) => event.type)).toEqual([
      'booking.confirmed',
    ]);

    await publishEvents(world.brokerUrl, [
      createIntegrationEvent('checkin.completed', { checkinId, bookingId: booking.id }),
    ]);
    await eventually(async () => {
      const metrics = await (await world.get('/metrics')).text();
      expect(metrics).toMatch(/booking_checkin_events_total\{outcome="agreed"[^}]*\} 1/);
    }, 20_000);
  });

  it('takes back the move to CHECKED_IN for the check-in it was for only: CONFIRMED and cancellable again', async () => {
    const checkinId = '6f1c2d3e-4b5a-5c6d-8e7f-0a1b2c3d4e60';
    const other = '00000000-0000-4000-8000-000000000004';
    const booking = (await (
      await world.post('/bookings', bookingRequest(daysFromToday(12), 1))
    ).json()) as BookingBody;
    const status = async () =>
      ((await (await world.get(`/bookings/${booking.id}`)).json()) as BookingBody).status;
    const withdraw = (id: string, checkin: string) => world.delete(`/bookings/${id}/check-in/${checkin}`);
    expect((await world.post(`/bookings/${booking.id}/check-in`, { checkinId })).status).toBe(200);

    expect((await withdraw(booking.id, other)).status).toBe(204);
    expect(await status()).toBe('CHECKED_IN');
    const withdrawn = await withdraw(booking.id, checkinId.toUpperCase());
    expect([withdrawn.status, await withdrawn.text()]).toEqual([204, '']);
    expect(await status()).toBe('CONFIRMED');
    expect((await withdraw(booking.id, checkinId)).status).toBe(204);
    const [row] = await world.dataSource.query('SELECT status, checkin_id FROM bookings WHERE id = $1', [
      booking.id,
    ]);
    expect(row).toEqual({ status: 'CONFIRMED', checkin_id: null });

    expect((await world.post(`/bookings/${booking.id}/cancel`, undefined)).status).toBe(200);
    expect((await withdraw(booking.id, checkinId)).status).toBe(204);
    expect(await status()).toBe('CANCELLED');
    await problemOf(await withdraw('00000000-0000-4000-8000-000000000000', checkinId), 404);
    const bad = await problemOf(await withdraw(booking.id, 'x'), 400);
    expect(bad.errors).toEqual([{ field: 'checkinId', detail: 'checkinId must be a check-in id (a UUID)' }]);
  });

  it('lists a move to CHECKED_IN as unconfirmed until its checkin.completed arrives, and not once taken back', async () => {
    const book = async () =>
      (await (await world.post('/bookings', bookingRequest(daysFromToday(12), 1))).json()) as BookingBody;
    const [confirmed, withdrawn] = [await book(), await book()];
    const checkinOf = (booking: BookingBody) => `6f1c2d3e-4b5a-5c6d-8e7f-${booking.id.slice(-12)}`;
    const unconfirmed = async (forMs: number) => {
      const response = await world.get(`/check-in-agreements/unconfirmed?forMs=${forMs}`);
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as {
        items: { bookingId: string; checkinId: string; unconfirmedSince: string }[];
      };
      const ours = items.filter((item) => [confirmed.id, withdrawn.id].includes(item.bookingId));
      // As the contract says: ISO 8601 UTC, the moment of the move.
      for (const { unconfirmedSince } of ours) {
        expect(unconfirmedSince).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(Date.now() - Date.parse(unconfirmedSince)).toBeLessThan(60_000);
      }
      return ours.map(({ bookingId, checkinId }) => ({ bookingId, checkinId }));
    };
    for (const booking of [confirmed, withdrawn])
      expect(
        (await world.post(`/bookings/${booking.id}/check-in`, { checkinId: checkinOf(booking) })).status,
      ).toBe(200);
    expect(await unconfirmed(0)).toEqual([
      { bookingId: confirmed.id, checkinId: checkinOf(confirmed) },
      { bookingId: withdrawn.id, checkinId: checkinOf(withdrawn) },
    ]);
    // A page that is not full is the last: no `next` (check-in's tests page through a longer list).
    const page = (await (await world.get('/check-in-agreements/unconfirmed?forMs=0')).json()) as object;
    expect(Object.keys(page)).toEqual(['items']);
    expect(await unconfirmed(60_000)).toEqual([]);

    await publishEvents(world.brokerUrl, [
      createIntegrationEvent('checkin.completed', {
        checkinId: checkinOf(confirmed),
        bookingId: confirmed.id,
      }),
    ]);
    expect((await world.delete(`/bookings/${withdrawn.id}/check-in/${checkinOf(withdrawn)}`)).status).toBe(
      204,
    );
    await eventually(async () => expect(await unconfirmed(0)).toEqual([]), 20_000);
    expect(((await (await world.get(`/bookings/${confirmed.id}`)).json()) as BookingBody).status).toBe(
      'CHECKED_IN',
    );

    for (const query of ['', '?forMs=abc', '?forMs=-1', '?forMs=86400001']) {
      const { errors } = await problemOf(await world.get(`/check-in-agreements/unconfirmed${query}`), 400);
      expect([...new Set(errors?.map((error) => error.field))]).toEqual(['forMs']);
    }
    const badCursor = await problemOf(
      await world.get(`/check-in-agreements/unconfirmed?forMs=0&after=${confirmed.id}`),
      400,
    );
    expect(badCursor.errors).toEqual([
      { field: 'after', detail: 'after must be the next of a previous page' },
    ]);
  });

  it('refuses to check in a cancelled booking (409), an unknown one (404) and a bad check-in id (400)', async () => {
    const booking = (await (
      await world.post('/bookings', bookingRequest(daysFromToday(12), 1))
    ).json()) as BookingBody;
    await world.post(`/bookings/${booking.id}/cancel`, undefined);
    const before = await counts();
    const checkinId = '00000000-0000-4000-8000-000000000003';
    const cancelled = await world.post(`/bookings/${booking.id}/check-in`, { checkinId });
    expect((await problemOf(cancelled, 409)).detail).toBe(`Booking ${booking.id} is cancelled`);
    await problemOf(
      await world.post('/bookings/00000000-0000-4000-8000-000000000000/check-in', { checkinId }),
      404,
    );
    const bad = await problemOf(
      await world.post(`/bookings/${booking.id}/check-in`, { checkinId: 'x' }),
      400,
    );
    expect(bad.errors).toEqual([{ field: 'checkinId', detail: 'checkinId must be a check-in id (a UUID)' }]);
    expect(await counts()).toEqual(before);
    expect(((await (await world.get(`/bookings/${booking.id}`)).json()) as BookingBody).status).toBe(
      'CANCELLED',
    );
  });

  it("answers the book's routes: POST /booking/create with the book's body, GET /booking/get/{id}", async () => {
    const [year, month, day] = daysFromToday(10).split('-');
    const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
    const created = await world.post('/booking/create', {
      flightNumber: 'BF101',
      origin: 'NYC',
      destination: 'SFO',
      flightDate: `${day}-${months[Number(month) - 1]}-${year.slice(2)}`,
      bookingDate: null,
      fare: '101',
      passengers: [{ firstName: 'Gavin', lastName: 'Franc', gender: 'Male' }],
    });
    expect(created.status).toBe(200);
    const id = (await created.json()) as string;
    const booking = (await (await world.get(`/booking/get/${id}`)).json()) as BookingBody;
    expect(booking).toMatchObject({
      id,
      status: 'CONFIRMED',
      flightDate: daysFromToday(10),
      fare: { amount: '101.00' },
    });
  });

  it('refuses a bad book body on POST /booking/create with 400 naming each field, and writes nothing', async () => {
    const before = await counts();
    const refused = await world.post('/booking/create', {
      flightNumber: 'B1',
      origin: 'NYC',
      destination: 'SFO',
      flightDate: 'soon',
      fare: '101',
      passengers: [],
    });
    const fields = (await problemOf(refused, 400)).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['flightNumber', 'flightDate', 'passengers']));
    expect(await counts()).toEqual(before);
  });

  describe("following the schedule's events", () => {
    const flightOn = (flightDate: string, changes: Partial<ScheduledFlightPayload> = {}) =>
      scheduledFlightEvent('BF777', flightDate, changes);
    const seatsOf = async (flightNumber: string, date: string) => {
      const response = await world.get(`/inventories/snapshot?from=${date}&to=${date}`);
      const { items } = (await response.json()) as {
        items: { flightNumber: string; remainingSeats: number }[];
      };
      return items.find((item) => item.flightNumber === flightNumber)?.remainingSeats;
    };

    it('opens an inventory for a flight scheduled, and follows its newest change only', async () => {
      const date = daysFromToday(20);
      await publishEvents(world.brokerUrl, [flightOn(date)]);
      await eventually(async () => expect(await seatsOf('BF777', date)).toBe(95));

      await publishEvents(world.brokerUrl, [flightOn(date, { capacity: 50, scheduleVersion: 3 })]);
      await eventually(async () => expect(await seatsOf('BF777', date)).toBe(45));
      const stale = [
        flightOn(date, { capacity: 200, scheduleVersion: 2 }),
        flightOn(date, { capacity: 300, scheduleVersion: 1 }),
      ];
      await publishEvents(world.brokerUrl, stale);
      await eventually(async () => {
        const [{ taken }] = await world.dataSource.query(
          'SELECT count(*)::int AS taken FROM inbox_messages WHERE event_id = ANY($1)',
          [stale.map((event) => event.id)],
        );
        expect(taken).toBe(2);
      });
      expect(await seatsOf('BF777', date)).toBe(45);
    });

    it("opens an inventory for every flight of a day's flight.bulk-scheduled, announced in one event", async () => {
      const date = daysFromToday(21);
      const day = bulkScheduledEvent([
        scheduledFlightEvent('BF778', date, { capacity: 76 }),
        scheduledFlightEvent('BF779', date, { capacity: 180 }),
      ]);
      await publishEvents(world.brokerUrl, [day]);
      await eventually(async () => expect(await seatsOf('BF779', date)).toBe(175));
      expect(await seatsOf('BF778', date)).toBe(71);
      const [announced] = await world.dataSource.query(
        `SELECT payload->'payload'->'inventories' AS inventories FROM outbox_messages
          WHERE event_type = 'booking.bulk-inventory-changed' AND aggregate_id = $1`,
        [`inventories/${date}`],
      );
      expect(announced.inventories).toEqual([
        { flightNumber: 'BF778', flightDate: date, remainingSeats: 71, inventoryVersion: 1 },
        { flightNumber: 'BF779', flightDate: date, remainingSeats: 175, inventoryVersion: 1 },
      ]);
    });

    it('keeps every seat sold when the aircraft shrinks below them, and sells no more', async () => {
      const date = daysFromToday(21);
      expect((await world.post('/bookings', bookingRequest(date, 3))).status).toBe(201);
      const smaller = scheduledFlightEvent('BF101', date, { origin: 'NYC', capacity: 2, scheduleVersion: 2 });
      await publishEvents(world.brokerUrl, [smaller]);
      await eventually(async () => {
        const [inventory] = await world.dataSource.query(
          `SELECT capacity, seats_sold AS sold FROM inventories WHERE flight_number = 'BF101' AND flight_date = $1`,
          [date],
        );
        expect(inventory).toEqual({ capacity: 3, sold: 3 });
      });
      await problemOf(await world.post('/bookings', bookingRequest(date, 1)), 409);
    });
  });

  it('while the fares service cannot be reached, books at a fare whose quote it kept, and answers 503 with Retry-After and writes nothing for another', async () => {
    const quotedBefore = bookingRequest(daysFromToday(12));
    expect((await world.post('/bookings', quotedBefore)).status).toBe(201);
    await world.fares.kill();
    expect((await world.post('/bookings', quotedBefore)).status).toBe(201);

    const before = await counts();
    const response = await world.post('/bookings', bookingRequest(daysFromToday(13)));
    expect((await problemOf(response, 503)).detail).toMatch(/FARES/);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await counts()).toEqual(before);
  });

  it('has migrations in step with its entities', async () => {
    await expectMigrationsInStep(world.dataSource);
  });
});
