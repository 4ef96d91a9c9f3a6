// Whole passenger journeys through the front door of the composed stack (`docker compose up`, images
// built), reached on the stack's network: passengers at once, each searching, booking one seat on a
// flight it found and checking in, through the website's /api. Reports journeys/s, p50/p99 per
// step, failed journeys, how busy the machine was, and each container's CPU and peak memory. In
// turns with them, the bare floor: the same journeys through node:http servers that send the
// services' own statements with pg (and check-in's calls to booking), no framework, broker or
// registry, the services stopped meanwhile (journeys/bare-floor.ts). Then a steady 50 journeys/s;
// the database floor: pgbench running a journey's SQL (search's query, booking's two transactions,
// check-in's) on each of the three databases, combined as a journey spends them; last, a CPU
// profile of the slowest step's service (or of BENCH_PROFILE).
// Targets (docs/architecture.md, budgets): journeys/s at least 0.5x the database floor with none
// failed; at a steady 50 journeys/s, p99 under 100 ms for each step; every container under its
// memory limit.
import {
  BOOKING_REFERENCES,
  CHECKIN_SEATS,
  bookingTransaction,
  checkinTransaction,
  describeMachine,
  runPgbench,
  searchQuery,
} from '@pss/bench';
import { daysFromToday, waitUntil } from '@pss/testing';
import type { ComposeStack } from '../src';
import { startBareFloor } from './journeys/bare-floor';
import { withServicesStopped } from './journeys/services-stopped';
import { benchOnStack } from './journeys/bench-on-stack';
import { recreateService } from './journeys/recreate-service';
import { containerUsage } from './journeys/container-usage';
import {
  JOURNEY_STEPS,
  runJourneys,
  type JourneyOptions,
  type JourneyRun,
  type JourneyStep,
} from './journeys/passenger-journey';
import { profileService } from './journeys/profile-service';

const PASSENGERS = Number(process.env.BENCH_PASSENGERS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Each round's passengers at once: the journeys' seats last for about 15,000 journeys in all. */
const ROUND_SECONDS = SECONDS / 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const STEADY_RATE = 50;
const ORIGINS = ['SEA', 'NYC', 'CHI', 'HOU', 'LAX'];
// Check-in opens this many days before departure (CHECKIN_OPENS_DAYS_BEFORE, at most 30; 1 unless
// set): 7 flights a day of 95 seats for sale each, about 20,000 seats in all.
const DAYS = 30;
const CHECKIN = { environment: { CHECKIN_OPENS_DAYS_BEFORE: String(DAYS) } };
// The floor's bookings are spread over the days the book's schedule sells (180 ahead) after the
// journeys' 30: in pgbench's 10 s a 2-core machine books 15,000 seats or more, which on the journeys'
// days sold out some flight under it (the statement takes no seat, and the script stops) or under
// the journeys run after it.
const FLOOR_BOOKING_DAYS = 149;
/** The service that answers each step, the one profiled when its step is the slowest. */
const SERVICE_OF: Record<JourneyStep, string> = { search: 'search', book: 'booking', checkIn: 'checkin' };

function describeRun(run: JourneyRun): string {
  const steps = JOURNEY_STEPS.map((step) => {
    const { p50, p99 } = run.latency[step];
    return `${step} p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`;
  });
  const failed = run.failures.length ? ` (first: ${run.failures[0]})` : '';
  return `${run.perSecond.toFixed(1)} journeys/s, ${run.completed} done, ${run.failures.length} failed${failed}; ${steps.join('; ')}; ${describeMachine(run.machine)}`;
}

/**
 * PASSENGERS passengers' journeys at once for ROUND_SECONDS, printed with each running container's CPU
 * time (also per journey) and peak memory.
 */
async function passengersAtOnce(
  stack: ComposeStack,
  journey: Pick<JourneyOptions, 'edge' | 'origins' | 'days'>,
  through: string,
) {
  const usage = await containerUsage(stack);
  const run = await runJourneys({ ...journey, passengers: PASSENGERS, seconds: ROUND_SECONDS });
  const containers = await usage.stop();
  console.log(`${PASSENGERS} passengers at once for ${ROUND_SECONDS} s, ${through}: ${describeRun(run)}`);
  for (const { name, cpuSeconds, peakMiB, limitMiB } of containers.filter((c) => c.cpuSeconds >= 0.05))
    console.log(
      `  ${name}: ${cpuSeconds.toFixed(1)} CPU s (${((cpuSeconds / ROUND_SECONDS) * 100).toFixed(0)}% of a core, ` +
        `${((cpuSeconds * 1000) / run.completed).toFixed(2)} ms a journey), ` +
        `peak ${peakMiB.toFixed(0)} of ${limitMiB.toFixed(0)} MiB`,
    );
  return run;
}

const meanPerSecond = (runs: JourneyRun[]): number =>
  runs.reduce((sum, run) => sum + run.perSecond, 0) / runs.length;

benchOnStack('pss-bench-journeys', async (stack, overrides) => {
  const edge = await stack.networkUrl('website');
  const flightsFrom = new Map<string, Set<string>>(ORIGINS.map((origin) => [origin, new Set()]));
  await waitUntil(
    `search to list priced flights with seats from every origin ${DAYS} days ahead`,
    async () => {
      for (const origin of ORIGINS) {
        const query = `origin=${origin}&destination=SFO&date=${daysFromToday(DAYS)}`;
        const response = await fetch(`${edge}/api/search/flights?${query}`);
        const found = response.ok ? ((await response.json()) as { flightNumber: string }[]) : [];
        if (found.length === 0) return false;
        found.forEach((flight) => flightsFrom.get(origin)?.add(flight.flightNumber));
      }
      return true;
    },
    120_000,
  );
  await recreateService(stack, 'checkin', CHECKIN, overrides);
  // Each origin as often as it has flights: every flight gets about as many passengers, and none
  // sells out before the seats run short (a journey that finds none left fails).
  const origins = [...flightsFrom].flatMap(([origin, numbers]) => [...numbers].map(() => origin));
  const bare = { origins, days: DAYS, edge: await startBareFloor(stack, overrides) };
  // Through the website, asked for again each time: a service started again has another address.
  const throughServices = async () => ({ ...bare, edge: await stack.networkUrl('website') });
  await runJourneys({ ...(await throughServices()), passengers: PASSENGERS, seconds: 5 }); // JIT warm

  // The services and their bare floor in turns, ROUNDS times: this machine's speed moves by a third
  // and more from one minute to the next.
  const runs: JourneyRun[] = [];
  const bareRuns: JourneyRun[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    runs.push(await passengersAtOnce(stack, await throughServices(), `round ${round}, through the edge`));
    bareRuns.push(
      await withServicesStopped(stack, async () => {
        if (round === 1) await runJourneys({ ...bare, passengers: PASSENGERS, seconds: 3 });
        return passengersAtOnce(stack, bare, `round ${round}, through the bare floor`);
      }),
    );
    await runJourneys({ ...(await throughServices()), passengers: PASSENGERS, seconds: 3 }); // JIT warm
  }
  const closed = runs[0];

  const steady = await runJourneys({ ...(await throughServices()), rate: STEADY_RATE, seconds: SECONDS });
  console.log(`a steady ${STEADY_RATE} journeys/s: ${describeRun(steady)} (target p99 < 100 ms each step)`);

  const flightNumbers = [...flightsFrom.values()].flatMap((numbers) => [...numbers]).sort();
  const pgbench = { clients: PASSENGERS, durationSeconds: 10 };
  // One database at a time, each with the machine to itself (the services stopped): run at once,
  // search's cheap query took both cores and starved the others (booking's and check-in's
  // transactions fell to 5 tps, their BEGIN alone waiting 600 ms). A journey costs each database its
  // share, so the journeys the three answer together is one over the sum of those shares.
  const [search, booking, checkin] = await withServicesStopped(stack, async () => [
    await runPgbench(await stack.container('search-db'), {
      ...pgbench,
      database: 'search',
      script: searchQuery(
        origins.map((origin) => ({ origin, destination: 'SFO' })),
        DAYS,
      ),
    }),
    await runPgbench(await stack.container('booking-db'), {
      ...pgbench,
      database: 'booking',
      prepared: true,
      setup: BOOKING_REFERENCES,
      script: bookingTransaction(flightNumbers, FLOOR_BOOKING_DAYS, {
        idempotencyKey: true,
        checkIn: true,
        firstDay: DAYS + 1,
      }),
    }),
    await runPgbench(await stack.container('checkin-db'), {
      ...pgbench,
      database: 'checkin',
      prepared: true,
      setup: CHECKIN_SEATS,
      script: checkinTransaction(flightNumbers, DAYS),
    }),
  ]);
  const floor =
    1 /
    [search, booking, checkin].reduce(
      (seconds, { transactionsPerSecond }) => seconds + 1 / transactionsPerSecond,
      0,
    );
  console.log(
    `pgbench, a journey's SQL, ${PASSENGERS} clients, each database alone: ` +
      `search ${search.transactionsPerSecond} tps, booking ${booking.transactionsPerSecond} tps, ` +
      `check-in ${checkin.transactionsPerSecond} tps: a floor of ${floor.toFixed(1)} journeys/s`,
  );
  const services = meanPerSecond(runs);
  const bareFloor = meanPerSecond(bareRuns);
  console.log(
    `journeys against the floor: ${(services / floor).toFixed(2)}x (target 0.5x), over ${ROUNDS} round(s)`,
  );
  console.log(
    `the bare floor against pgbench's: ${(bareFloor / floor).toFixed(2)}x; ` +
      `journeys against the bare floor: ${(services / bareFloor).toFixed(2)}x`,
  );

  const slowest = JOURNEY_STEPS.reduce((a, b) => (closed.latency[a].p50 >= closed.latency[b].p50 ? a : b));
  const profiled = process.env.BENCH_PROFILE ?? SERVICE_OF[slowest];
  await profileService(
    stack,
    profiled,
    `${profiled}${profiled === SERVICE_OF[slowest] ? " (the slowest step's service)" : ''} under the journeys`,
    async () => runJourneys({ ...(await throughServices()), passengers: PASSENGERS, seconds: 10 }),
    profiled === 'checkin' ? CHECKIN : {},
  );
});
