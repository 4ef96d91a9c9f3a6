import { daysFromToday } from '@pss/testing';
import { request } from 'node:http';
import { guessedLookup, PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const JSON_TYPE = { 'content-type': 'application/json' };

/** A request with its path exactly as written (fetch would resolve `..` before sending it). */
const raw = (path: string, method = 'GET'): Promise<{ status: number; body: string }> => {
  const { hostname, port } = new URL(stack.url('website'));
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject).end();
  });
};

// Invariant: the website's /api is the passengers' API and nothing more: a public route answers as
// the service does; anything else is answered by the edge itself and reaches no service.
describe('the edge: /api/{service}/... on the website', () => {
  const api = (path: string) => `${stack.url('website')}/api${path}`;
  const date = daysFromToday(3);

  it('answers a search as search does, and books through booking with the caller’s request id', async () => {
    const query = `origin=NYC&destination=SFO&date=${date}&passengers=1`;
    const direct = await (await fetch(`${stack.url('search')}/flights?${query}`)).json();
    const viaEdge = await fetch(api(`/search/flights?${query}`));
    expect(viaEdge.status).toBe(200);
    expect(await viaEdge.json()).toEqual(direct);

    const requestId = crypto.randomUUID();
    const refused = await fetch(api('/booking/bookings'), {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-request-id': requestId },
      body: JSON.stringify({ flightNumber: 'BF101' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ requestId, errors: expect.any(Array) });

    const fare = (await user.flight({ flightNumber: 'BF101', origin: 'NYC' }, date)).fare;
    const booked = await fetch(api('/booking/bookings'), {
      method: 'POST',
      headers: { ...JSON_TYPE, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        flightNumber: 'BF101',
        origin: 'NYC',
        destination: 'SFO',
        flightDate: date,
        fare,
        passengers: [{ firstName: 'Ines', lastName: 'Franc', gender: 'Female' }],
      }),
    });
    expect(booked.status).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    expect(await user.bookingStatus(id)).toBe('CONFIRMED');
  });

  it.each([
    ['an operator route', 'PUT', `/api/search/flights/BF101/${date}`],
    ['a fare change', 'PUT', `/api/fares/fares/BF101/${date}`],
    ['a snapshot', 'GET', `/api/booking/inventories/snapshot?from=${date}&to=${date}`],
    ['the registry', 'GET', '/api/discovery/eureka/apps'],
    ['metrics', 'GET', '/api/search/metrics'],
    ['a parent path', 'GET', '/api/search/../booking/bookings'],
    ['an encoded parent path', 'GET', '/api/search/%2e%2e/booking/bookings'],
    ['an unknown service', 'GET', '/api/nobody/flights'],
  ])('answers %s with 404 problem+json from the edge itself', async (_what, method, path) => {
    const { status, body } = await raw(path, method);
    expect(status).toBe(404);
    expect(JSON.parse(body)).toMatchObject({
      status: 404,
      detail: expect.stringMatching(/is not a public route|Cannot/),
    });
  });

  it('refuses a form body with 415 and a body over 1 MiB with 413, before any service', async () => {
    const form = await fetch(api('/booking/bookings'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'flightNumber=BF101',
    });
    expect(form.status).toBe(415);
    const large = await fetch(api('/booking/bookings'), {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }),
    });
    expect(large.status).toBe(413);
  });

  // Invariant: a look-up through the edge counts against the passenger who made it: a client refused
  // for guessing booking references stops no other passenger of the website.
  it('counts look-ups against each passenger’s own address, not against the website’s', async () => {
    const guess = (i: number) => `/booking/bookings?${guessedLookup('ZYZZ', i)}`;
    const guesses = Array.from({ length: 70 }, (_, i) => `http://website:8001/api${guess(i)}`);
    expect(await stack.statusesFrom('search', guesses)).toContain(429);
    // Naming someone else in X-Forwarded-For changes nothing: the edge adds the address it saw last.
    expect(await stack.statusesFrom('search', [guesses[0]], { 'x-forwarded-for': '198.51.100.1' })).toEqual([
      429,
    ]);
    expect((await fetch(api(guess(0)))).status).toBe(404);
  });
});
