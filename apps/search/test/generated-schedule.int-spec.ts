import { runCommand } from '@pss/platform';
import { daysFromToday } from '@pss/testing';
import { DataSource } from 'typeorm';
import { startSearch, type RunningSearch } from './search-app';

describe('schedule:generate, an operator loading a generated network', () => {
  let search: RunningSearch;
  let dataSource: DataSource;
  const from = daysFromToday(40);
  const args = ['--flights-per-day', '40', '--days', '3', '--airports', '12', '--seed', '3', '--from', from];

  // The generated flights are BF1000 on; the book's BF100..BF106.
  const generated = async () =>
    (
      (await dataSource.query(
        `SELECT count(*)::int AS flights, count(DISTINCT flight_date)::int AS dates,
                count(DISTINCT origin)::int AS airports
           FROM flights WHERE length(flight_number) = 6`,
      )) as { flights: number; dates: number; airports: number }[]
    )[0];
  // A day's new flights in one flight.bulk-scheduled; none of the generated ones announced alone.
  const announced = async () =>
    (
      (await dataSource.query(
        `SELECT count(*) FILTER (WHERE event_type = 'flight.bulk-scheduled')::int AS days,
                coalesce(sum(jsonb_array_length(payload->'payload'->'flights')), 0)::int AS flights,
                count(*) FILTER (WHERE event_type = 'flight.scheduled'
                                   AND length(payload->'payload'->>'flightNumber') = 6)::int AS alone
           FROM outbox_messages`,
      )) as { days: number; flights: number; alone: number }[]
    )[0];

  beforeAll(async () => {
    search = await startSearch();
    dataSource = search.app.get(DataSource);
  }, 120_000);

  afterAll(() => search?.close());

  it('refuses a bad option, naming it, and schedules nothing', async () => {
    await expect(runCommand(search.app, 'schedule:generate', ['--days', 'ten'])).rejects.toThrow(
      '--days must be a whole number from 1 to 731, not ten',
    );
    expect(await generated()).toEqual({ flights: 0, dates: 0, airports: 0 });
  });

  it('schedules every flight of the network on every day asked for, each announced once, a day to an event', async () => {
    await runCommand(search.app, 'schedule:generate', args);
    expect(await generated()).toEqual({ flights: 120, dates: 3, airports: 12 });
    expect(await announced()).toEqual({ days: 3, flights: 120, alone: 0 });
    const response = await search.get(`/schedule/snapshot?from=${from}&to=${from}`);
    const { items } = (await response.json()) as { items: { flightNumber: string; capacity: number }[] };
    const generatedItems = items.filter(({ flightNumber }) => flightNumber.length === 6);
    expect(generatedItems).toHaveLength(40);
    for (const { capacity } of generatedItems) expect([76, 180, 300]).toContain(capacity);
  });

  it('adds nothing when run again, and leaves the book’s flights as they were', async () => {
    const book = await dataSource.query(
      `SELECT count(*)::int AS n FROM flights WHERE length(flight_number) < 6`,
    );
    await runCommand(search.app, 'schedule:generate', args);
    expect(await generated()).toEqual({ flights: 120, dates: 3, airports: 12 });
    expect(await announced()).toEqual({ days: 3, flights: 120, alone: 0 });
    expect(
      await dataSource.query(`SELECT count(*)::int AS n FROM flights WHERE length(flight_number) < 6`),
    ).toEqual(book);
  });
});
