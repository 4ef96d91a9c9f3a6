import { expectMigrationsInStep, startPostgres, waitUntil } from '@pss/testing';
import { todayUtc } from '@pss/platform';
import { DataSource } from 'typeorm';
import { createIntegrationEvent } from '@pss/contracts';
import { publishEvents, referenceScheduleEvents } from '@pss/messaging/testing';
import { problemOf, startFares, type RunningFares } from './fares-app';

describe('fares over HTTP, on PostgreSQL with the real migrations', () => {
  let fares: RunningFares;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${fares.baseUrl}${path}`, { headers });

  beforeAll(async () => {
    fares = await startFares();
  });

  afterAll(async () => {
    await fares?.close();
  });

  it("returns the book's fare of BF101 today, with its currency, echoing the request id", async () => {
    const response = await get(`/fares?flightNumber=BF101&flightDate=${todayUtc()}`, {
      'X-Request-Id': 'trace-101',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-101');
    // An operator may change a fare at any moment: nobody may reuse a quote without asking again.
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual({
      flightNumber: 'BF101',
      flightDate: todayUtc(),
      fare: { amount: '101.00', currency: 'USD' },
    });
  });

  it("answers the book's alias /fares/get the same way", async () => {
    const response = await get(`/fares/get?flightNumber=BF106&flightDate=${todayUtc()}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ fare: { amount: '106.00', currency: 'USD' } });
  });

  it('answers a flight and date without a fare with a 404 problem', async () => {
    const response = await get('/fares?flightNumber=BF101&flightDate=2000-01-01', { 'X-Request-Id': 'nf-1' });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBeNull();
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No fare for flight BF101 on 2000-01-01',
      instance: '/fares?flightNumber=BF101&flightDate=2000-01-01',
      requestId: 'nf-1',
    });
  });

  it.each([
    ['flightNumber=BF1&flightDate=2026-12-01', 'flightNumber', /must look like BF101/],
    ['flightNumber=XX101&flightDate=2026-12-01', 'flightNumber', /must look like BF101/],
    ['flightDate=2026-12-01', 'flightNumber', /is required/],
    ['flightNumber=BF101&flightDate=22-JAN-16', 'flightDate', /YYYY-MM-DD/],
    ['flightNumber=BF101&flightDate=2026-02-30', 'flightDate', /real calendar date/],
    ['flightNumber=BF101', 'flightDate', /is required/],
  ])('rejects %s with a 400 naming %s', async (query, field, detail) => {
    for (const path of ['/fares', '/fares/get']) {
      const response = await get(`${path}?${query}`);
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ title: 'Bad Request', status: 400 });
      expect(problem.errors).toEqual([{ field, detail: expect.stringMatching(detail) }]);
    }
  });

  it('names both fields when both are wrong, and rejects unknown parameters', async () => {
    const both = await problemOf(await get('/fares?flightNumber=1&flightDate=tomorrow'));
    expect(both.errors?.map((error) => error.field)).toEqual(['flightNumber', 'flightDate']);
    const unknown = await problemOf(await get(`/fares?flightNumber=BF101&flightDate=${todayUtc()}&fare=1`));
    expect(unknown.errors).toEqual([{ field: 'fare', detail: 'property fare should not exist' }]);
  });

  it('is ready once its database and broker answer, and documents its API', async () => {
    await waitUntil('fares ready', async () => (await get('/health/ready')).ok, 10_000);
    expect(await (await get('/health/ready')).json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, broker: { status: 'up' } },
    });
    const openApi = (await (await get('/docs/json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(['/fares', '/fares/get', '/fares/{flightNumber}/{flightDate}']),
    );
  });

  it('exposes the latency histogram per route and the pool gauges', async () => {
    await get(`/fares?flightNumber=BF102&flightDate=${todayUtc()}`);
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/fares",status_code="200"\} \d+/,
    );
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/fares\/get",status_code="400"[^}]*\} \d+/);
    expect(metrics).toMatch(/db_pool_connections\{[^}]*state="total"[^}]*\} [1-9]/);
  });

  it("files the book's fare once for each book flight the schedule announces, never undoing a change, and nothing for another flight", async () => {
    const dataSource = fares.app.get(DataSource);
    const count = async () => Number((await dataSource.query('SELECT count(*) AS n FROM fares'))[0].n);
    const before = await count();
    expect(before).toBe(7 * 31);
    await dataSource.query(`UPDATE fares SET amount = 1 WHERE flight_number = 'BF100'`);
    const [again] = referenceScheduleEvents([todayUtc()]);
    const other = createIntegrationEvent('flight.scheduled', { ...again.payload, flightNumber: 'XY999' });
    await publishEvents(fares.brokerUrl, [again, other]);
    await waitUntil(
      'both events taken',
      async () =>
        (
          await dataSource.query('SELECT 1 FROM inbox_messages WHERE event_id = ANY($1)', [
            [again.id, other.id],
          ])
        ).length === 2,
      10_000,
    );
    expect(await count()).toBe(before);
    const amounts = await dataSource.query(`SELECT DISTINCT amount FROM fares WHERE flight_number = 'BF100'`);
    expect(amounts).toEqual([{ amount: '1.00' }]);
    await dataSource.query(`UPDATE fares SET amount = 100 WHERE flight_number = 'BF100'`);
  });

  it('has entities that match the migrations, and migrations that revert', async () => {
    await expectMigrationsInStep(fares.app.get(DataSource));
  });
});

describe('fares readiness when its database stops', () => {
  it('goes from 200 to 503 naming the database, while liveness stays up and fares answer 503', async () => {
    const postgres = await startPostgres();
    let fares: RunningFares | undefined;
    try {
      const started = (fares = await startFares(postgres.getConnectionUri()));
      await waitUntil('fares ready', async () => (await fetch(`${started.baseUrl}/health/ready`)).ok, 10_000);
      await postgres.stop();
      const ready = await fetch(`${fares.baseUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      expect((await fetch(`${fares.baseUrl}/health/live`)).status).toBe(200);
      const fare = await fetch(`${fares.baseUrl}/fares?flightNumber=BF101&flightDate=${todayUtc()}`);
      expect(fare.status).toBe(503);
      expect(fare.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(fare.headers.get('retry-after')).toBe('5');
    } finally {
      await fares?.close();
      await postgres.stop();
    }
  });
});
