import { daysFromToday, eventually } from '@pss/testing';
import { PssUser } from './pss-user';
import { systemStack } from './system-stack';

const user = new PssUser(systemStack());
const BF107 = { flightNumber: 'BF107', origin: 'BOS' };

// Invariant: search alone owns the schedule, and a flight it adds reaches every service from its
// events: fares files its first fare, search shows it, booking sells it and check-in seats it on a
// map of the aircraft's seats.
describe('an operator adds a flight', () => {
  // Tomorrow: check-in is open.
  const date = daysFromToday(1);
  const flight = {
    origin: 'BOS',
    destination: 'SFO',
    departureTime: `${date}T12:00:00Z`,
    arrivalTime: `${date}T18:30:00Z`,
    capacity: 60,
  };

  it('is found by search once fares has its fare, can be booked, and is checked in on a map of its seats', async () => {
    expect((await user.scheduleFlight('BF107', date, flight)).status).toBe(201);
    const fare = { amount: '180.00', currency: 'USD' };
    await eventually(
      async () => expect((await user.changeFare('BF107', date, fare)).status).toBe(201),
      10_000,
    );
    await eventually(
      async () => expect(await user.flight(BF107, date)).toMatchObject({ fare, seatsAvailable: 55 }),
      1_000,
    );

    const booking = await user.booked(BF107, date, 2);
    const map = await user.seatMap('BF107', date);
    expect(map.status).toBe(200);
    const { seats, capacity } = (await map.json()) as { seats: unknown[]; capacity: number };
    expect([capacity, seats.length]).toEqual([60, 60]);
    const checkin = await user.createCheckin(booking.id);
    expect(checkin.status).toBe(201);
    expect(checkin.seats).toHaveLength(2);
    await eventually(async () => expect(await user.seatsLeft(BF107, date)).toBe(53), 5_000);
  });

  it('refuses an aircraft smaller than the seats taken, a bad capacity or a fare for an unscheduled flight, and changes nothing', async () => {
    const problemFields = async (response: Response) => {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return ((await response.json()) as { errors: { field: string }[] }).errors.map((error) => error.field);
    };
    expect(await problemFields(await user.scheduleFlight('BF107', date, { ...flight, capacity: 6 }))).toEqual(
      ['capacity'],
    );
    expect(
      await problemFields(await user.scheduleFlight('BF107', date, { ...flight, capacity: -1 })),
    ).toEqual(['capacity']);
    const unscheduled = await user.changeFare('BF108', date, { amount: '1.00', currency: 'USD' });
    expect(unscheduled.status).toBe(404);
    expect(await user.flight(BF107, date)).toMatchObject({ seatsAvailable: 53 });
    expect(((await (await user.seatMap('BF107', date)).json()) as { capacity: number }).capacity).toBe(60);
  });
});
