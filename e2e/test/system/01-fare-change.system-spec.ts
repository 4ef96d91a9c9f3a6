import { daysFromToday, eventually } from '@pss/testing';
import { PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const BF101 = { flightNumber: 'BF101', origin: 'NYC' };

// Invariant: only fares changes a fare, and a change reaches every service: search shows it, and
// booking refuses the old fare and takes the new one, within a second of the operator's change.
describe('an operator changes a fare', () => {
  it("changes BF101's fare: search shows it within 1 s, booking refuses the old fare with the current one and takes the new", async () => {
    const date = daysFromToday(40);
    const before = await user.flight(BF101, date);
    expect((await user.booked(BF101, date, 1, before.fare)).status).toBe('CONFIRMED'); // booking now holds a quote

    const newFare = { amount: (Number(before.fare.amount) + 50).toFixed(2), currency: before.fare.currency };
    const changed = await user.changeFare('BF101', date, newFare);
    expect(changed.status).toBe(200);
    await eventually(async () => expect((await user.flight(BF101, date)).fare).toEqual(newFare), 1_000);
    await eventually(async () => {
      const refused = await user.book(BF101, date, 1, before.fare);
      expect({ status: refused.status, currentFare: refused.problem?.currentFare }).toEqual({
        status: 409,
        currentFare: newFare,
      });
    }, 1_000);
    expect((await user.booked(BF101, date, 1, newFare)).fare).toEqual(newFare);
  });

  it('refuses bad changes with a problem naming what is wrong, and changes nothing', async () => {
    const date = daysFromToday(41);
    const before = await user.flight(BF101, date);
    const refusals = [
      { flight: 'BF101', date: '2000-01-01', fare: { amount: '1.00', currency: 'USD' }, status: 404 },
      { flight: 'BF199', date, fare: { amount: '1.00', currency: 'USD' }, status: 404 },
      { flight: 'BF101', date, fare: { amount: '-5.00', currency: 'USD' }, status: 400, field: 'amount' },
      { flight: 'BF101', date, fare: { amount: '5.00', currency: 'EUR' }, status: 400, field: 'currency' },
    ];
    for (const { flight, date: on, fare, status, field } of refusals) {
      const response = await user.changeFare(flight, on, fare);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as { errors?: { field: string }[] };
      if (field) expect(problem.errors?.map((error) => error.field)).toEqual([field]);
    }
    const quote = await fetch(`${stack.url('fares')}/fares?flightNumber=BF101&flightDate=${date}`);
    expect(((await quote.json()) as { fare: unknown }).fare).toEqual(before.fare);
    expect((await user.flight(BF101, date)).fare).toEqual(before.fare);
  });
});
