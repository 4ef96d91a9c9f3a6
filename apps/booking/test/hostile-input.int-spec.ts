import type { ProblemDetails } from '@pss/platform';
import { daysFromToday } from '@pss/testing';
import { bookingRequest, startBookingWorld, type BookingWorld } from './booking-world';

// The reference generator, stubbed to draw a reference that is taken already.
jest.mock('@pss/platform', () => {
  const actual = jest.requireActual('@pss/platform');
  return { ...actual, randomCode: jest.fn(actual.randomCode) };
});
const { randomCode } = jest.requireMock('@pss/platform') as { randomCode: jest.Mock };

describe('booking under hostile input', () => {
  let world: BookingWorld;
  const tomorrow = daysFromToday(1);
  const bookings = async () =>
    ((await world.dataSource.query('SELECT count(*)::int AS n FROM bookings')) as { n: number }[])[0].n;

  beforeAll(async () => {
    world = await startBookingWorld({ LOOKUP_RATE_LIMIT_PER_MINUTE: '3' });
  }, 240_000);

  afterAll(() => world?.close());

  it('draws another reference when the one drawn is taken', async () => {
    randomCode.mockReturnValueOnce('KQKQKQ');
    const first = await world.post('/bookings', bookingRequest(tomorrow, 1));
    expect(((await first.json()) as { reference: string }).reference).toBe('KQKQKQ');
    randomCode.mockReturnValueOnce('KQKQKQ');
    const second = await world.post('/bookings', bookingRequest(tomorrow, 1));
    expect(second.status).toBe(201);
    expect(((await second.json()) as { reference: string }).reference).not.toBe('KQKQKQ');
  });

  it('counts a name as PostgreSQL does: 60 letters each with U+FE0F is a 400 naming it, and nothing is written', async () => {
    const before = await bookings();
    const passengers = [{ firstName: 'Gean', lastName: 'a\uFE0F'.repeat(60), gender: 'Male' }];
    const response = await world.post('/bookings', bookingRequest(tomorrow, 1, { passengers }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemDetails).errors).toEqual([
      { field: 'passengers.0.lastName', detail: 'lastName must be 1 to 60 characters' },
    ]);
    expect(await bookings()).toBe(before);
  });

  it('cancels with an empty JSON body, and refuses a cancel a web form could send with 415', async () => {
    const { id } = (await (await world.post('/bookings', bookingRequest(tomorrow, 1))).json()) as {
      id: string;
    };
    const cancel = (headers: Record<string, string>, body?: string) =>
      fetch(`${world.booking.baseUrl}/bookings/${id}/cancel`, { method: 'POST', headers, body });
    const form = await cancel({ 'content-type': 'application/x-www-form-urlencoded' }, 'x=1');
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await (await world.get(`/bookings/${id}`)).json()) as { status: string }).status).toBe(
      'CONFIRMED',
    );
    const empty = await cancel({ 'content-type': 'application/json' });
    expect(empty.status).toBe(200);
    expect(((await empty.json()) as { status: string }).status).toBe('CANCELLED');
  });

  it('answers the look-up by reference past the limit with 429 and Retry-After; other routes stay open', async () => {
    const { id } = (await (await world.post('/bookings', bookingRequest(tomorrow, 1))).json()) as {
      id: string;
    };
    const lookup = () => world.get('/bookings?reference=KQKQKQ&lastName=Franc');
    for (let allowed = 0; allowed < 3; allowed++) expect((await lookup()).status).toBe(200);
    const refused = await lookup();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await world.get(`/bookings/${id}`)).status).toBe(200);
  });
});
