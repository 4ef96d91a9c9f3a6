import type { ProblemDetails } from '@pss/platform';
import { createTestVhost, daysFromToday, requireTestEnv, type TestVhost } from '@pss/testing';
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
    world = await startCheckinWorld(vhost.url, { LOOKUP_RATE_LIMIT_PER_MINUTE: '3' });
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
});
