import type { ProblemDetails } from '@pss/platform';
import { createTestVhost, daysFromToday, requireTestEnv, type TestVhost } from '@pss/testing';
import { request } from 'node:http';
import { startCheckinWorld, type CheckinWorld } from './checkin-world';

// The boarding reference generator, stubbed to draw a reference that is taken already.
jest.mock('@pss/platform', () => {
  const actual = jest.requireActual('@pss/platform');
  return { ...actual, randomCode: jest.fn(actual.randomCode) };
});
const { randomCode } = jest.requireMock('@pss/platform') as { randomCode: jest.Mock };

interface CheckinBody {
  boardingPasses: { boardingReference: string }[];
}

describe('check-in under hostile input', () => {
  let world: CheckinWorld;
  let vhost: TestVhost;
  const tomorrow = daysFromToday(1);

  beforeAll(async () => {
    vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
    const limit = { LOOKUP_RATE_LIMIT_PER_MINUTE: '3' };
    world = await startCheckinWorld(vhost.url, limit, limit);
  }, 240_000);

  afterAll(async () => {
    await world?.close();
    await vhost?.drop();
  });

  it('draws another boarding reference when the one drawn is taken', async () => {
    const first = await world.book('BF102', tomorrow, 1);
    randomCode.mockReturnValueOnce('KQKQKQKQ');
    const checkedIn = (await (await world.post('/checkins', { bookingId: first.id })).json()) as CheckinBody;
    expect(checkedIn.boardingPasses[0].boardingReference).toBe('KQKQKQKQ');
    const second = await world.book('BF102', tomorrow, 1);
    randomCode.mockReturnValueOnce('KQKQKQKQ');
    const response = await world.post('/checkins', { bookingId: second.id });
    expect(response.status).toBe(201);
    const [pass] = ((await response.json()) as CheckinBody).boardingPasses;
    expect(pass.boardingReference).not.toBe('KQKQKQKQ');
  });

  it('validates every field of a booking named two ways, and names them', async () => {
    const response = await world.post('/checkins', { bookingId: 'nope', reference: 'x' });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ProblemDetails).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['bookingId', 'reference', 'lastName']));
  });

  it('answers check-ins by reference past the limit with 429 and Retry-After; by booking id they go on', async () => {
    const byReference = () => world.post('/checkins', { reference: 'KQKQKQ', lastName: 'Nobody' });
    // Of the 3 a minute, the test before used one: a refused guess counts too.
    for (let allowed = 0; allowed < 2; allowed++) expect((await byReference()).status).toBe(404);
    const refused = await byReference();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const booking = await world.book('BF103', tomorrow, 1);
    expect((await world.post('/checkins', { bookingId: booking.id })).status).toBe(201);
  });

  it("counts a passenger's check-in by reference for that passenger at booking, not for check-in", async () => {
    const bookings = await Promise.all([1, 2, 3, 4, 5].map(() => world.book('BF104', tomorrow, 1, 'Vega')));
    // Five passengers, each from an address of their own, each checking in once by reference: check-in
    // looks each booking up at booking, whose limit (3 a minute) counts the passenger, not check-in.
    const statuses = [];
    for (const [i, { reference }] of bookings.entries())
      statuses.push(
        await sendFrom(`127.0.0.${11 + i}`, `${world.checkin.baseUrl}/checkins`, 'POST', {
          reference,
          lastName: 'Vega',
        }),
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201]);

    // A client that writes X-Forwarded-For itself is not check-in: its guesses count for its address.
    const bookingUrl = `http://127.0.0.1:${world.world.apps.booking.port}`;
    const guesses = [];
    for (let i = 0; i < 4; i++)
      guesses.push(
        await sendFrom(
          '127.0.0.20',
          `${bookingUrl}/bookings?reference=QQQQQ${'ACDE'[i]}&lastName=Vega`,
          'GET',
          undefined,
          {
            'x-forwarded-for': `198.51.100.${i}`,
          },
        ),
      );
    expect(guesses).toEqual([404, 404, 404, 429]);
  });
});

/** An HTTP request from `localAddress` (any of 127.0.0.0/8 on Linux); resolves with its status. */
function sendFrom(
  localAddress: string,
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method, localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
