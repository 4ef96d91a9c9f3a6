import { daysFromToday } from '@pss/testing';
import { guessedLookup, PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const SERVICES = ['fares', 'search', 'booking', 'checkin'] as const;
const JSON_TYPE = { 'content-type': 'application/json' };

/** What a hostile client sends, over the published ports only, and what it gets back. */
const send = async (
  service: (typeof SERVICES)[number],
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) => {
  const response = await fetch(`${stack.url(service)}${path}`, { method: 'POST', ...init });
  const body = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body };
};

/** Rows in the tables a passenger's requests write, read as the operator does. */
const rowCounts = async (): Promise<Record<string, number>> => ({
  bookings: Number((await stack.sqlAsOperator('booking', 'SELECT count(*) FROM bookings'))[0]),
  boarding_passes: Number((await stack.sqlAsOperator('checkin', 'SELECT count(*) FROM boarding_passes'))[0]),
});

/** Every 5xx each service has answered since it started, from its own metrics. */
const serverErrors = async (): Promise<Record<string, number>> => {
  const errors: Record<string, number> = {};
  for (const service of SERVICES) {
    const metrics = await (await fetch(`${stack.url(service)}/metrics`)).text();
    errors[service] = metrics
      .split('\n')
      .filter((line) => line.startsWith('http_requests_total{') && /status_code="5\d\d"/.test(line))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  }
  return errors;
};

const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input against the composed stack', () => {
  const date = daysFromToday(12);
  let rowsBefore: Record<string, number>;
  let errorsBefore: Record<string, number>;
  let booking: { id: string };
  const answers: { what: string; status: number }[] = [];
  const expectRefused = (what: string, answer: { status: number; type: string }, status: number) => {
    answers.push({ what, status: answer.status });
    expect({ what, status: answer.status }).toEqual({ what, status });
    expect(answer.type).toMatch(/^application\/problem\+json/);
  };

  beforeAll(async () => {
    booking = await user.booked({ flightNumber: 'BF101', origin: 'NYC' }, date, 1);
    rowsBefore = await rowCounts();
    errorsBefore = await serverErrors();
  });

  it('refuses JSON nested 5,000 deep with 400 on every route that takes a body', async () => {
    const body = deepJson(5_000);
    expectRefused('deep booking', await send('booking', '/bookings', { headers: JSON_TYPE, body }), 400);
    expectRefused('deep check-in', await send('checkin', '/checkins', { headers: JSON_TYPE, body }), 400);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const body = JSON.stringify({ passengers: [{ firstName: 'x'.repeat(1_100_000) }] });
    expectRefused('1.1 MB booking', await send('booking', '/bookings', { headers: JSON_TYPE, body }), 413);
  });

  it('counts names as PostgreSQL does: 60 letters each followed by U+FE0F is a 400 naming the field', async () => {
    const { fare } = await user.flight({ flightNumber: 'BF101', origin: 'NYC' }, date);
    const answer = await send('booking', '/bookings', {
      headers: JSON_TYPE,
      body: JSON.stringify({
        flightNumber: 'BF101',
        origin: 'NYC',
        destination: 'SFO',
        flightDate: date,
        fare,
        passengers: [{ firstName: 'Gean', lastName: 'a\uFE0F'.repeat(60), gender: 'Female' }],
      }),
    });
    expectRefused('U+FE0F name', answer, 400);
    expect(answer.body).toContain('passengers.0.lastName');
  });

  it('refuses what a web form on another site could send with 415', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expectRefused('form booking', await send('booking', '/bookings', { headers: form, body: 'a=1' }), 415);
    expectRefused('form check-in', await send('checkin', '/checkins', { headers: form, body: 'a=1' }), 415);
  });

  it('refuses a path that does not decode with a 400 problem, on every service', async () => {
    for (const service of SERVICES)
      expectRefused(`${service} %ff`, await send(service, '/flights/%ff', { method: 'GET' }), 400);
  });

  it('takes a cancel sent with a JSON content type and no body, as clients send it', async () => {
    const answer = await send('booking', `/bookings/${booking.id}/cancel`, { headers: JSON_TYPE });
    expect([answer.status, JSON.parse(answer.body).status]).toEqual([200, 'CANCELLED']);
  });

  it("does not let check-in's validation be bypassed, nor turn booking's 4xx into a 503", async () => {
    const answer = await send('checkin', '/checkins', {
      headers: JSON_TYPE,
      body: JSON.stringify({ bookingId: 'nope', reference: 'x' }),
    });
    expectRefused('bypass', answer, 400);
    expect(answer.body).toContain('bookingId');
  });

  it('stops a brute force of booking references with 429', async () => {
    // From a container of its own: the look-ups count against its address, not against this
    // host's, which the browser tests' passengers come from.
    const guesses = Array.from(
      { length: 70 },
      (_, i) => `http://booking:8060/bookings?${guessedLookup('ZZZZ', i)}`,
    );
    const tries = await stack.statusesFrom('checkin', guesses);
    expect(tries).toContain(429);
    expect(new Set(tries.slice(0, tries.indexOf(429)))).toEqual(new Set([404]));
  });

  it('answered none of it with a 5xx, wrote nothing, and no service counted a 5xx', async () => {
    // The one cancel above changed a status, not a count.
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    expect(await rowCounts()).toEqual(rowsBefore);
    expect(await serverErrors()).toEqual(errorsBefore);
  });
});
