import type { ProblemDetails } from '@pss/platform';
import {
  createTestVhost,
  daysFromToday,
  eventually,
  expectMigrationsInStep,
  mapWithConcurrency,
  requireTestEnv,
  times,
  type TestVhost,
} from '@pss/testing';
import { flightKey } from '@pss/contracts';
import { bulkScheduledEvent, publishEvents, scheduledFlightEvent } from '@pss/messaging/testing';
import { checkinIdOf } from '../src/checkins/checkin-id';
import { startCheckinWorld, type CheckinWorld } from './checkin-world';

interface CheckinBody {
  id: string;
  bookingId: string;
  boardingPasses: { firstName: string; seat: string; boardingReference: string }[];
}

// Agreements booking may hold with no check-in to show for them are taken back this long after.
const SETTLE_AFTER_MS = 3_000;

describe('check-in over HTTP, with booking, fares and a registry', () => {
  let world: CheckinWorld;
  let vhost: TestVhost;
  const tomorrow = daysFromToday(1);
  const counts = async () => {
    const [row] = await world.dataSource.query(
      `SELECT (SELECT count(*)::int FROM checkins) AS checkins, (SELECT count(*)::int FROM boarding_passes) AS passes,
              (SELECT count(*)::int FROM outbox_messages) AS events`,
    );
    return row as { checkins: number; passes: number; events: number };
  };
  const bookingCheckin = (bookingId: string, checkinId: string) =>
    fetch(`http://127.0.0.1:${world.world.apps.booking.port}/bookings/${bookingId}/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ checkinId }),
    });
  /** The advisory locks in check-in's database: all of them, or only those waited for. */
  const advisoryLocks = async (which: 'held or waited for' | 'waited for') => {
    const [{ locks }] = await world.dataSource.query(
      `SELECT count(*)::int AS locks FROM pg_locks
        WHERE locktype = 'advisory' ${which === 'waited for' ? 'AND NOT granted' : ''}
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return locks as number;
  };
  /** What check-in noted and recorded of a booking, and its status at booking. */
  const standing = async (bookingId: string) => {
    const [row] = await world.dataSource.query(
      `SELECT (SELECT count(*)::int FROM unsettled_agreements WHERE booking_id = $1) AS unsettled,
              (SELECT count(*)::int FROM checkins WHERE booking_id = $1) AS checkins`,
      [bookingId],
    );
    return {
      ...(row as { unsettled: number; checkins: number }),
      status: await world.bookingStatus(bookingId),
    };
  };
  /** Waits until the booking's agreement is taken back: CONFIRMED, nothing noted or recorded; then cancels it. */
  const expectTakenBack = async (bookingId: string) => {
    await eventually(
      async () =>
        expect(await standing(bookingId)).toEqual({ unsettled: 0, checkins: 0, status: 'CONFIRMED' }),
      SETTLE_AFTER_MS * 5,
    );
    expect((await world.cancel(bookingId)).status).toBe(200);
  };
  const problemOf = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as ProblemDetails;
  };

  beforeAll(async () => {
    vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
    world = await startCheckinWorld(vhost.url, { SETTLE_AGREEMENTS_AFTER_MS: String(SETTLE_AFTER_MS) });
  }, 240_000);

  afterAll(async () => {
    await world?.close();
    await vhost?.drop();
  });

  it('checks both passengers of a booking in: 201, a seat and a boarding pass each, and booking is CHECKED_IN', async () => {
    const booking = await world.book('BF101', tomorrow, 2);
    const response = await world.post('/checkins', { bookingId: booking.id });
    expect(response.status).toBe(201);
    const checkin = (await response.json()) as CheckinBody;
    expect(response.headers.get('location')).toBe(`/checkins/${checkin.id}`);
    expect(checkin).toMatchObject({
      bookingId: booking.id,
      bookingReference: booking.reference,
      flightNumber: 'BF101',
      flightDate: tomorrow,
    });
    expect(checkin.boardingPasses.map((pass) => [pass.firstName, pass.seat])).toEqual([
      ['Gean A', '1A'],
      ['Gean B', '1B'],
    ]);
    for (const pass of checkin.boardingPasses) expect(pass.boardingReference).toMatch(/^[A-Z2-9]{8}$/);
    expect(await (await world.get(`/checkins/${checkin.id}`)).json()).toEqual(checkin);
    expect(checkin.id).toBe(checkinIdOf(booking.id));
    expect(await world.bookingStatus(booking.id)).toBe('CHECKED_IN');
  });

  it('completes a check-in that booking agreed to before check-in could commit it, when the passenger retries', async () => {
    const booking = await world.book('BF101', tomorrow, 1);
    // What check-in leaves behind when it fails between booking's agreement and its own commit.
    const agreed = await bookingCheckin(booking.id, checkinIdOf(booking.id));
    expect(agreed.status).toBe(200);
    expect((await world.cancel(booking.id)).status).toBe(409);
    const retried = await world.post('/checkins', { bookingId: booking.id });
    expect(retried.status).toBe(201);
    const checkin = (await retried.json()) as CheckinBody;
    expect(checkin.id).toBe(checkinIdOf(booking.id));
    expect(checkin.boardingPasses).toHaveLength(1);
  });

  it('refuses a booking that booking checked in for another check-in (409), writing nothing', async () => {
    const booking = await world.book('BF101', tomorrow, 1);
    expect((await bookingCheckin(booking.id, '00000000-0000-4000-8000-0000000000aa')).status).toBe(200);
    const before = await counts();
    const refused = await problemOf(await world.post('/checkins', { bookingId: booking.id }), 409);
    expect(refused.detail).toBe(`Booking ${booking.id} is already checked in`);
    expect(await counts()).toEqual(before);
  });

  it('finds a booking by reference and last name, and answers a second check-in with the first', async () => {
    const booking = await world.book('BF101', tomorrow, 1, 'Smith');
    const first = await world.post('/checkins', { reference: booking.reference, lastName: 'smith' });
    expect(first.status).toBe(201);
    const eventsBefore = (await counts()).events;
    const again = await world.post('/checkins', { bookingId: booking.id });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect((await counts()).events).toBe(eventsBefore);
  });

  it('gives a wanted seat, and refuses one that is taken with 409, writing nothing', async () => {
    const wanting = await world.book('BF103', tomorrow, 1);
    const given = (await (
      await world.post('/checkins', { bookingId: wanting.id, seats: [{ passenger: 1, seat: '14C' }] })
    ).json()) as CheckinBody;
    expect(given.boardingPasses[0].seat).toBe('14C');
    const other = await world.book('BF103', tomorrow, 1);
    const before = await counts();
    const refused = await problemOf(
      await world.post('/checkins', { bookingId: other.id, seats: [{ passenger: 1, seat: '14C' }] }),
      409,
    );
    expect(refused).toMatchObject({ detail: 'Seat 14C is taken', seat: '14C' });
    expect(await counts()).toEqual(before);
  });

  it('gives a wanted seat asked for by two passengers at once to exactly one of them; the other booking stays CONFIRMED, still cancellable', async () => {
    // Ten seats, each asked for by two bookings at once: both may pass the look before booking's
    // agreement, and the one that loses the seat must not leave booking holding it as checked in.
    const seats = ['3F', '4F', '5F', '6F', '7F', '8F', '9F', '10F', '11F', '12F'];
    const races = await Promise.all(
      seats.map(async (seat) => {
        const pair = [await world.book('BF104', tomorrow, 1), await world.book('BF104', tomorrow, 1)];
        const responses = await Promise.all(
          pair.map((booking) => world.checkIn({ bookingId: booking.id, seats: [{ passenger: 1, seat }] })),
        );
        return { seat, pair, statuses: responses.map((response) => response.status) };
      }),
    );
    for (const { seat, pair, statuses } of races) {
      expect([seat, [...statuses].sort()]).toEqual([seat, [201, 409]]);
      const [winner, loser] = statuses[0] === 201 ? pair : [...pair].reverse();
      expect([seat, await world.bookingStatus(winner.id), await world.bookingStatus(loser.id)]).toEqual([
        seat,
        'CHECKED_IN',
        'CONFIRMED',
      ]);
      expect((await world.get(`/checkins/${checkinIdOf(loser.id)}`)).status).toBe(404);
      expect((await world.cancel(loser.id)).status).toBe(200);
    }
  });

  it('never leaves a booking CHECKED_IN on an agreement taken back: a check-in that lost its seat, and another of the booking behind it', async () => {
    const [rival, booking] = [await world.book('BF105', tomorrow, 1), await world.book('BF105', tomorrow, 1)];
    const wanting = (bookingId: string) => ({ bookingId, seats: [{ passenger: 1, seat: '3E' }] });
    // The test holds the flight's lock: the three check-ins queue behind it in this order, each past
    // the look before booking's agreement. Let go, the rival takes the seat; the booking's first
    // check-in, refused, takes booking's agreement back; its second must not commit on that agreement.
    const runner = world.dataSource.createQueryRunner();
    await runner.connect();
    const flightLock = `checkin:${flightKey({ flightNumber: 'BF105', flightDate: tomorrow })}`;
    const queued = (count: number) =>
      eventually(async () => expect(await advisoryLocks('waited for')).toBe(count), 10_000);
    const answers: Promise<Response>[] = [];
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [flightLock]);
      answers.push(world.post('/checkins', wanting(rival.id)));
      await queued(1);
      answers.push(world.post('/checkins', wanting(booking.id)));
      await queued(2);
      answers.push(world.post('/checkins', { bookingId: booking.id }));
      await queued(3);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [flightLock]);
      await runner.release();
    }
    const [taken, refused, checkedIn] = await Promise.all(answers);
    expect([taken.status, refused.status, checkedIn.status]).toEqual([201, 409, 201]);
    expect(((await refused.json()) as ProblemDetails).detail).toBe('Seat 3E is taken');
    expect(((await checkedIn.json()) as CheckinBody).id).toBe(checkinIdOf(booking.id));
    expect(await world.bookingStatus(booking.id)).toBe('CHECKED_IN');
  });

  describe("booking's agreement answered after check-in stopped waiting", () => {
    /** Takes `lock` in a transaction of booking's database, held until released. */
    const holdAtBooking = async (lock: string, params: unknown[] = []) => {
      const holder = await world.bookingDatabase.connect();
      await holder.query('BEGIN');
      await holder.query(lock, params);
      return async () => {
        await holder.query('COMMIT');
        holder.release();
      };
    };
    /** A check-in while the test holds the booking's row: its agreement waits at booking. */
    const checkInUnanswered = async (bookingId: string) => {
      const release = await holdAtBooking('SELECT 1 FROM bookings WHERE id = $1 FOR UPDATE', [bookingId]);
      try {
        return await world.post('/checkins', { bookingId });
      } finally {
        await release();
      }
    };
    const unsettledGauge = async () =>
      Number(
        /^checkin_unsettled_agreements{service="checkin"} (\d+)$/m.exec(
          await (await world.get('/metrics')).text(),
        )?.[1],
      );

    it('takes the agreement back once it is old enough: the booking is CONFIRMED again, cancellable', async () => {
      const booking = await world.book('BF103', tomorrow, 1);
      expect((await problemOf(await checkInUnanswered(booking.id), 503)).detail).toMatch(/BOOKING/);
      // Booking applies the agreement once its row is free: CHECKED_IN, with no check-in to show.
      await eventually(
        async () =>
          expect(await standing(booking.id)).toEqual({ unsettled: 1, checkins: 0, status: 'CHECKED_IN' }),
        SETTLE_AFTER_MS / 2,
      );
      await expectTakenBack(booking.id);
    });

    it('keeps the agreement noted while booking cannot answer its taking back, and settles it once booking answers', async () => {
      const booking = await world.book('BF103', tomorrow, 1);
      // Booking's updates of its bookings wait (its reads do not): booking answers neither the
      // agreement nor, later, its taking back within check-in's timeout.
      const release = await holdAtBooking('LOCK TABLE bookings IN EXCLUSIVE MODE');
      try {
        expect((await world.post('/checkins', { bookingId: booking.id })).status).toBe(503);
        await eventually(async () => {
          const { rows } = await world.bookingDatabase.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE bookings SET status = ''CONFIRMED''%'`,
          );
          expect(rows[0].waiting).toBeGreaterThan(0);
        }, SETTLE_AFTER_MS * 5);
        // The round that asked gave up (check-in's timeout) and let go of the booking's lock.
        await eventually(
          async () => expect(await advisoryLocks('held or waited for')).toBe(0),
          SETTLE_AFTER_MS * 5,
        );
        expect(await standing(booking.id)).toEqual({ unsettled: 1, checkins: 0, status: 'CONFIRMED' });
        expect(await unsettledGauge()).toBe(1);
      } finally {
        await release();
      }
      await expectTakenBack(booking.id);
      expect(await unsettledGauge()).toBe(0);
    });

    it("keeps the agreement when the passenger's retry recorded the check-in first", async () => {
      const booking = await world.book('BF103', tomorrow, 1);
      expect((await checkInUnanswered(booking.id)).status).toBe(503);
      expect((await world.checkIn({ bookingId: booking.id })).status).toBe(201);
      await eventually(
        async () => expect((await standing(booking.id)).unsettled).toBe(0),
        SETTLE_AFTER_MS * 5,
      );
      expect(await standing(booking.id)).toEqual({ unsettled: 0, checkins: 1, status: 'CHECKED_IN' });
      expect((await world.cancel(booking.id)).status).toBe(409);
    });
  });

  describe("an agreement booking holds that check-in's checkin.completed never confirms", () => {
    /** Booking's agreement as if its `checkin.completed` had not come for an hour. */
    const unconfirmedForAnHour = (bookingId: string) =>
      world.bookingDatabase.query(
        `UPDATE bookings SET checkin_unconfirmed_since = now() - interval '1 hour' WHERE id = $1`,
        [bookingId],
      );

    it('takes it back when no check-in of the booking is recorded (an instance stopped before its commit): CONFIRMED, cancellable', async () => {
      const booking = await world.book('BF103', tomorrow, 1);
      // What an instance leaves behind when it stops between booking's agreement and its commit.
      expect((await bookingCheckin(booking.id, checkinIdOf(booking.id))).status).toBe(200);
      expect((await world.cancel(booking.id)).status).toBe(409);
      expect(await standing(booking.id)).toEqual({ unsettled: 0, checkins: 0, status: 'CHECKED_IN' });
      await expectTakenBack(booking.id);
    });

    it('keeps it when a check-in of the booking is recorded, its event still on the way', async () => {
      const [recorded, unrecorded] = [
        await world.book('BF103', tomorrow, 1),
        await world.book('BF103', tomorrow, 1),
      ];
      expect((await world.checkIn({ bookingId: recorded.id })).status).toBe(201);
      await eventually(async () => {
        const { rows } = await world.bookingDatabase.query(
          'SELECT checkin_unconfirmed_since AS since FROM bookings WHERE id = $1',
          [recorded.id],
        );
        expect(rows).toEqual([{ since: null }]);
      }, SETTLE_AFTER_MS * 5);
      await unconfirmedForAnHour(recorded.id);
      // Listed after it (by age): taken back in a round that has just settled the recorded one.
      expect((await bookingCheckin(unrecorded.id, checkinIdOf(unrecorded.id))).status).toBe(200);
      try {
        await eventually(
          async () => expect((await standing(unrecorded.id)).status).toBe('CONFIRMED'),
          SETTLE_AFTER_MS * 5,
        );
        expect(await standing(recorded.id)).toEqual({ unsettled: 0, checkins: 1, status: 'CHECKED_IN' });
        expect((await world.cancel(recorded.id)).status).toBe(409);
      } finally {
        await world.bookingDatabase.query(
          'UPDATE bookings SET checkin_unconfirmed_since = NULL WHERE id = $1',
          [recorded.id],
        );
      }
    });

    it('takes back an unrecorded one listed after more than a page of recorded ones still waiting for their event', async () => {
      // 101 recorded check-ins (booking lists 100 a page) on two flights, their events as if lost.
      const recorded = [
        ...(await mapWithConcurrency(times(51), 10, () => world.book('BF101', tomorrow, 1))),
        ...(await mapWithConcurrency(times(50), 10, () => world.book('BF105', tomorrow, 1))),
      ];
      const checkins = await mapWithConcurrency(recorded, 10, ({ id }) => world.checkIn({ bookingId: id }));
      expect(checkins.map(({ status }) => status)).toEqual(Array(101).fill(201));
      const ids = recorded.map(({ id }) => id);
      await eventually(async () => {
        const { rows } = await world.bookingDatabase.query(
          'SELECT count(*)::int AS waiting FROM bookings WHERE id = ANY($1) AND checkin_unconfirmed_since IS NOT NULL',
          [ids],
        );
        expect(rows).toEqual([{ waiting: 0 }]);
      }, SETTLE_AFTER_MS * 5);
      await world.bookingDatabase.query(
        `UPDATE bookings SET checkin_unconfirmed_since = now() - interval '1 hour' WHERE id = ANY($1)`,
        [ids],
      );
      const unrecorded = await world.book('BF104', tomorrow, 1);
      try {
        expect((await bookingCheckin(unrecorded.id, checkinIdOf(unrecorded.id))).status).toBe(200);
        await eventually(
          async () => expect((await standing(unrecorded.id)).status).toBe('CONFIRMED'),
          SETTLE_AFTER_MS * 5,
        );
        const statuses = await mapWithConcurrency(ids, 10, (id) => world.bookingStatus(id));
        expect(new Set(statuses)).toEqual(new Set(['CHECKED_IN']));
      } finally {
        await world.bookingDatabase.query(
          'UPDATE bookings SET checkin_unconfirmed_since = NULL WHERE id = ANY($1)',
          [ids],
        );
      }
    });
  });

  it('seats 100 concurrent check-ins on one flight in 100 different seats', async () => {
    // The bookings are the set-up, ten at a time: the concurrency under test is check-in's.
    const bookings = await mapWithConcurrency(times(100), 10, () => world.book('BF102', tomorrow, 1));
    const responses = await Promise.all(bookings.map((booking) => world.checkIn({ bookingId: booking.id })));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(201));
    const seats = await Promise.all(
      responses.map(async (response) => ((await response.json()) as CheckinBody).boardingPasses[0].seat),
    );
    expect(new Set(seats).size).toBe(100);
    const map = (await (await world.get(`/flights/BF102/${tomorrow}/seats`)).json()) as {
      freeSeats: number;
      seats: { seat: string; free: boolean }[];
    };
    expect(map.freeSeats).toBe(0);
    expect(
      map.seats
        .filter((seat) => !seat.free)
        .map((seat) => seat.seat)
        .sort(),
    ).toEqual([...seats].sort());
  });

  it.each([
    [{}, 'bookingId', 'bookingId must be a booking id (a UUID), or give reference and lastName'],
    [{ reference: 'K7M4QX' }, 'lastName', 'lastName is required without bookingId'],
    [
      { bookingId: 'x' },
      'bookingId',
      'bookingId must be a booking id (a UUID), or give reference and lastName',
    ],
    [
      { bookingId: '00000000-0000-4000-8000-000000000001', seats: [{ passenger: 1, seat: 'A1' }] },
      'seats.0.seat',
      'seat must be a row and a letter, such as 12A',
    ],
    [
      { bookingId: '00000000-0000-4000-8000-000000000001', seats: [{ passenger: 0, seat: '1A' }] },
      'seats.0.passenger',
      'passenger must be at least 1',
    ],
  ])('refuses %j with 400 naming %s, writing nothing', async (body, field, detail) => {
    const before = await counts();
    const problem = await problemOf(await world.post('/checkins', body), 400);
    expect(problem.errors).toEqual(expect.arrayContaining([{ field, detail }]));
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown booking (404), a cancelled one and one not yet open (409), writing nothing', async () => {
    const before = await counts();
    await problemOf(
      await world.post('/checkins', { bookingId: '00000000-0000-4000-8000-00000000dead' }),
      404,
    );
    const cancelled = await world.book('BF101', tomorrow, 1);
    await world.cancel(cancelled.id);
    expect((await problemOf(await world.post('/checkins', { bookingId: cancelled.id }), 409)).detail).toBe(
      `Booking ${cancelled.id} is cancelled`,
    );
    const later = await world.book('BF101', daysFromToday(10), 1);
    expect((await problemOf(await world.post('/checkins', { bookingId: later.id }), 409)).detail).toBe(
      `Check-in for BF101 on ${daysFromToday(10)} opens on ${daysFromToday(9)}`,
    );
    expect(await counts()).toEqual(before);
  });

  it("answers the book's POST /checkin/create, the named passenger in the seat asked, and GET /checkin/get/{id}", async () => {
    const booking = await world.book('BF101', tomorrow, 2);
    const created = await world.post('/checkin/create', {
      bookingId: booking.id,
      firstName: 'Gean B',
      lastName: 'Franc',
      seatNumber: '12A',
      flightNumber: 'BF101',
      flightDate: '22-JAN-16',
    });
    expect(created.status).toBe(200);
    const id = (await created.json()) as string;
    const checkin = (await (await world.get(`/checkin/get/${id}`)).json()) as CheckinBody;
    expect(checkin.boardingPasses.map((pass) => [pass.firstName, pass.seat])).toEqual([
      ['Gean A', expect.stringMatching(/^\d+[A-F]$/)],
      ['Gean B', '12A'],
    ]);
  });

  describe("seat maps from the schedule's events", () => {
    const scheduleOf = (
      flightNumber: string,
      flightDate: string,
      capacity: number,
      scheduleVersion: number,
    ) => scheduledFlightEvent(flightNumber, flightDate, { capacity, scheduleVersion });
    const seatMap = async (flightNumber: string, date: string) =>
      (await world.get(`/flights/${flightNumber}/${date}/seats`)).json() as Promise<{
        capacity: number;
        rows: number;
        seats: { seat: string }[];
      }>;
    const taken = (events: readonly { id: string }[]) =>
      world.dataSource.query('SELECT 1 FROM inbox_messages WHERE event_id = ANY($1)', [
        events.map((event) => event.id),
      ]);

    it('has as many seats as the capacity: 100 in rows of six, the last 17A to 17D', async () => {
      const map = await seatMap('BF101', tomorrow);
      expect([map.capacity, map.rows, map.seats.length]).toEqual([100, 17, 100]);
      expect(map.seats.slice(-4).map((seat) => seat.seat)).toEqual(['17A', '17B', '17C', '17D']);
    });

    it('follows the newest change of capacity only, and knows no seat of a flight it has not heard of', async () => {
      const date = daysFromToday(25);
      const events = [
        scheduleOf('BF777', date, 100, 1),
        scheduleOf('BF777', date, 60, 3),
        scheduleOf('BF777', date, 120, 2),
      ];
      await publishEvents(world.rabbitmqUrl, events);
      await eventually(async () => expect(await taken(events)).toHaveLength(3));
      expect((await seatMap('BF777', date)).seats).toHaveLength(60);
      const unknown = await world.get(`/flights/BF778/${date}/seats`);
      expect((await problemOf(unknown, 404)).detail).toBe(`Check-in has no seat map for BF778 on ${date}`);
    });

    it("has a seat map for every flight of a day's flight.bulk-scheduled, and keeps a newer change it heard first", async () => {
      const date = daysFromToday(26);
      const changed = scheduleOf('BF781', date, 60, 2);
      await publishEvents(world.rabbitmqUrl, [changed]);
      await eventually(async () => expect(await taken([changed])).toHaveLength(1));
      const day = bulkScheduledEvent([
        scheduleOf('BF780', date, 76, 1),
        scheduleOf('BF781', date, 180, 1),
        scheduleOf('BF782', date, 300, 1),
      ]);
      await publishEvents(world.rabbitmqUrl, [day]);
      await eventually(async () => expect(await taken([day])).toHaveLength(1));
      const capacities = await Promise.all(
        ['BF780', 'BF781', 'BF782'].map(async (flight) => (await seatMap(flight, date)).capacity),
      );
      expect(capacities).toEqual([76, 60, 300]);
    });

    it('answers 503 with Retry-After for a flight booking sells but whose schedule check-in has not had, writing nothing', async () => {
      const booking = await world.book('BF105', tomorrow, 1);
      await world.dataSource.query(
        `DELETE FROM scheduled_flights WHERE flight_number = 'BF105' AND flight_date = $1`,
        [tomorrow],
      );
      const before = await counts();
      const response = await world.post('/checkins', { bookingId: booking.id });
      expect((await problemOf(response, 503)).detail).toMatch(/not yet had the schedule of BF105/);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await counts()).toEqual(before);
      expect(await world.bookingStatus(booking.id)).toBe('CONFIRMED');
    });
  });

  it('answers 503 with Retry-After while the booking service cannot be reached, writing nothing', async () => {
    await world.world.apps.booking.kill();
    const before = await counts();
    const response = await world.post('/checkins', { bookingId: '00000000-0000-4000-8000-000000000001' });
    expect((await problemOf(response, 503)).detail).toMatch(/BOOKING/);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await counts()).toEqual(before);
  });

  it('has migrations in step with its entities', async () => {
    await expectMigrationsInStep(world.dataSource);
  });
});
