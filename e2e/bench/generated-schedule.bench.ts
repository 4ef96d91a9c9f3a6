// A generated airline's schedule loaded into the composed stack (`docker compose up`, images built):
// search's `schedule:generate` (1,000 flights a day for 365 days unless BENCH_FLIGHTS_PER_DAY and
// BENCH_DAYS say otherwise) announces every flight-date, and fares (pricing new flights by block
// time), booking (an inventory each) and check-in (a seat map each) follow from the events alone.
// Reports how long the command took, how long until every service had caught up with the last day
// (booking holds every flight of it, search shows its last flight priced with seats, check-in has
// its seat map), the rate of flight-dates, when the broker's queues were empty (every earlier day
// applied too), each container's CPU and peak memory, and how long booking, fares and check-in,
// started again, take to be ready on that schedule. Then, on the settled stack, search
// at a steady 1,000 requests/s over the generated routes and dates, beside its floors: pgbench
// running search's query for the same routes and dates on search's database, paced at the same
// rate over search's pool, and flat out; last, a CPU profile of search under that steady load.
// Targets (issue: an airline's scale): loaded and caught up in under 5 minutes; search p99 under
// 25 ms at 1,000 requests/s.
import { describeLoad, measureLoad, runPgbench, searchQuery, type Route } from '@pss/bench';
import { daysFromToday, waitUntil } from '@pss/testing';
import type { ComposeStack } from '../src';
import { benchOnStack } from './journeys/bench-on-stack';
import { containerUsage } from './journeys/container-usage';
import { profileService } from './journeys/profile-service';
import { queuedMessages } from './journeys/queued-messages';
import { recreateService } from './journeys/recreate-service';

const FLIGHTS_PER_DAY = Number(process.env.BENCH_FLIGHTS_PER_DAY ?? 1_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const FIRST_DAY = daysFromToday(1);
const LAST_DAY = daysFromToday(DAYS);
const FARES = { environment: { FARES_NEW_FLIGHT_TARIFF: 'block-time' } };
const SEARCH_RATE = 1_000;
const SEARCH_SECONDS = 20;
/** The connections search's database pool holds (DATABASE_POOL_MAX, unset in compose: its default). */
const SEARCH_POOL = 20;
/** Searches sent in turn: every route on dates spread over the schedule (a prime step). */
const SEARCHES = 5_000;

interface ScheduledFlight extends Route {
  flightNumber: string;
}

/** Every route `flights` fly, once. */
function routesOf(flights: readonly Route[]): Route[] {
  const byKey = new Map(
    flights.map(({ origin, destination }) => [`${origin}-${destination}`, { origin, destination }]),
  );
  return [...byKey.values()];
}

/** Search at a steady SEARCH_RATE over `routes` on the generated days, then pgbench's floor. */
async function measureSearch(stack: ComposeStack, routes: readonly Route[]): Promise<void> {
  const paths = Array.from({ length: SEARCHES }, (_, i) => {
    const { origin, destination } = routes[i % routes.length];
    const day = daysFromToday(1 + ((i * 7_919) % DAYS));
    return `/flights?origin=${origin}&destination=${destination}&date=${day}`;
  });
  // Resolved each time: the profile's run meets a search started again, at another address.
  const steadyLoad = async () =>
    measureLoad({
      baseUrl: await stack.networkUrl('search'),
      paths,
      connections: 50,
      rate: SEARCH_RATE,
      durationSeconds: SEARCH_SECONDS,
      warmupSeconds: 5,
    });
  const load = await steadyLoad();
  console.log(
    `search at a steady ${SEARCH_RATE} requests/s for ${SEARCH_SECONDS} s over ${routes.length} routes and ` +
      `${DAYS} days: ${describeLoad(load)} (target p99 < 25 ms)`,
  );
  const database = await stack.container('search-db');
  const query = searchQuery(routes, DAYS);
  const floor = await runPgbench(database, {
    database: 'search',
    clients: 50,
    durationSeconds: 10,
    script: query,
  });
  console.log(
    `pgbench, search's query (the same routes and days), 50 clients: ` +
      `${floor.transactionsPerSecond} tps, ${floor.averageLatencyMs} ms average`,
  );
  // The latency floor: the database alone answering the same query at search's steady rate, over
  // as many connections as search's pool holds.
  const paced = await runPgbench(database, {
    database: 'search',
    clients: SEARCH_POOL,
    durationSeconds: SEARCH_SECONDS,
    rate: SEARCH_RATE,
    script: query,
  });
  console.log(
    `pgbench, the same query paced at ${SEARCH_RATE}/s over ${SEARCH_POOL} connections: ` +
      `p50 ${paced.percentilesMs?.p50} ms, p99 ${paced.percentilesMs?.p99} ms, max ${paced.percentilesMs?.max} ms`,
  );
  await profileService(stack, 'search', `search at a steady ${SEARCH_RATE} requests/s`, steadyLoad);
}

const seconds = (since: number) => (Date.now() - since) / 1_000;

async function json<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url);
  return response.ok ? ((await response.json()) as T) : undefined;
}

/**
 * The followers still behind on the last day: booking without an inventory for each of its
 * `scheduled` flights, search not listing its last flight, check-in without that flight's seats.
 */
async function caughtUp(stack: ComposeStack, scheduled: number, last: ScheduledFlight): Promise<string[]> {
  const behind: string[] = [];
  const inventory = await json<{ items: unknown[] }>(
    `${stack.url('booking')}/inventories/snapshot?from=${LAST_DAY}&to=${LAST_DAY}`,
  );
  if ((inventory?.items.length ?? 0) < scheduled) behind.push(`booking (${inventory?.items.length ?? 0})`);
  const listed = await json<{ flightNumber: string }[]>(
    `${stack.url('search')}/flights?origin=${last.origin}&destination=${last.destination}&date=${LAST_DAY}`,
  );
  if (!listed?.some((flight) => flight.flightNumber === last.flightNumber)) behind.push('search');
  const seats = await fetch(`${stack.url('checkin')}/flights/${last.flightNumber}/${LAST_DAY}/seats`);
  if (!seats.ok) behind.push('checkin');
  return behind;
}

/**
 * How long each follower of the schedule takes, started again on it, to be ready: every start
 * walks the whole schedule's snapshot, so that a new or wiped database has what it missed.
 */
async function measureRestarts(stack: ComposeStack): Promise<void> {
  for (const service of ['booking', 'fares', 'checkin']) {
    const began = Date.now();
    await stack.compose('restart', service);
    await waitUntil(
      `${service} ready again`,
      // Its address on the stack's network: a service with a range of ports may come back on another.
      async () => {
        try {
          return (await fetch(`${await stack.networkUrl(service)}/health/ready`)).status === 200;
        } catch {
          return false; // not running yet, or not listening yet
        }
      },
      600_000,
      200,
    );
    console.log(`${service} started again on the schedule: ready after ${seconds(began).toFixed(1)} s`);
  }
}

benchOnStack('pss-bench-schedule', async (stack, overrides) => {
  await recreateService(stack, 'fares', FARES, overrides);
  const usage = await containerUsage(stack);
  const began = Date.now();
  await stack.compose(
    'run',
    '--rm',
    '--no-deps',
    'search',
    'node',
    'main.js',
    'schedule:generate',
    '--flights-per-day',
    String(FLIGHTS_PER_DAY),
    '--days',
    String(DAYS),
    '--from',
    FIRST_DAY,
  );
  const generated = seconds(began);
  const snapshot = await json<{ items: ScheduledFlight[] }>(
    `${stack.url('search')}/schedule/snapshot?from=${LAST_DAY}&to=${LAST_DAY}`,
  );
  const last = snapshot?.items.filter((flight) => flight.flightNumber.length === 6).at(-1);
  if (!snapshot || !last) throw new Error(`search scheduled no generated flight on ${LAST_DAY}`);
  let behind: string[] = [];
  await waitUntil(
    () => `every service to follow the schedule to ${LAST_DAY} (behind: ${behind.join(', ')})`,
    async () => (behind = await caughtUp(stack, snapshot.items.length, last)).length === 0,
    3_600_000,
    5_000,
  );
  const followed = seconds(began);
  let queued = 0;
  await waitUntil(
    () => `the broker's queues to empty (${queued} messages left)`,
    async () => (queued = await queuedMessages(stack)) === 0,
    3_600_000,
    5_000,
  );
  const drained = seconds(began);
  const containers = await usage.stop();
  const flightDates = FLIGHTS_PER_DAY * DAYS;
  console.log(
    `${flightDates} flight-dates (${FLIGHTS_PER_DAY} a day for ${DAYS} days): scheduled and announced by ` +
      `search in ${generated.toFixed(0)} s; every service caught up after ${followed.toFixed(0)} s ` +
      `(${(flightDates / followed).toFixed(0)} flight-dates/s; target: under 300 s); every queue empty ` +
      `after ${drained.toFixed(0)} s`,
  );
  for (const { name, cpuSeconds, peakMiB, limitMiB } of containers)
    console.log(
      `  ${name}: ${cpuSeconds.toFixed(0)} CPU s, peak ${peakMiB.toFixed(0)} of ${limitMiB.toFixed(0)} MiB`,
    );
  await measureRestarts(stack);
  await measureSearch(stack, routesOf(snapshot.items));
});
