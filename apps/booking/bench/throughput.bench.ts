// POST /bookings under load (one passenger each, over many flights and dates, at the quoted fare),
// beside pgbench running the same booking transaction in SQL on the same database container, with
// as many clients; then booking at a steady 200 bookings/s. Booking asks the fares service (its own
// container, found through the registry) for each flight and date's fare, and keeps the quote
// until fares changes it, as it does in production: 1,190 flights and dates, so 1,190 look-ups per
// run. Search runs first, alone, to announce the schedule booking opens its inventories from, and
// stops before the load: what its projection of every booking costs is search's, measured in the
// whole journeys (e2e/bench/passenger-journeys.bench.ts).
// Beside booking, the floors of the same work: NestJS + TypeORM on fastify with booking's own
// validation and statement (nest-floor.ts), also publishing each event to the broker as booking
// does, and bare node:http + pg sending the statement.
// Targets: at least 0.5x pgbench's rate; p99 under 100 ms at a steady 200 bookings/s.
import {
  BOOKING_REFERENCES,
  bookingTransaction,
  type Candidate,
  type ServiceBench,
  compareUnderLoad,
  describeLoad,
  measureLoad,
  printRatios,
  profileUnderLoad,
  runPgbench,
  serviceBench,
} from '@pss/bench';
import { REFERENCE_FLIGHTS } from '@pss/messaging/testing';
import { daysFromToday, exec, waitUntil } from '@pss/testing';
import { RECORD_BOOKING } from '../src/bookings/record-booking';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BARE = 'bare node:http + pg, the same statement';
const NEST = "NestJS + TypeORM on fastify, booking's validation and statement";
const PUBLISHING = 'that, publishing each event to RabbitMQ';
const DAYS = 170;

/** A booking for one passenger on each book flight on each of the next 170 days, in turn. */
function bookings(): string[] {
  const bodies: string[] = [];
  for (let day = 1; day <= DAYS; day++) {
    const flightDate = daysFromToday(day);
    for (const flight of REFERENCE_FLIGHTS) {
      bodies.push(
        JSON.stringify({
          flightNumber: flight.flightNumber,
          origin: flight.origin,
          destination: 'SFO',
          flightDate,
          fare: { amount: flight.fare, currency: 'USD' },
          passengers: [{ firstName: 'Bench', lastName: 'Passenger', gender: 'Unspecified' }],
        }),
      );
    }
  }
  return bodies;
}

const BODIES = bookings();
const STEADY = { durationSeconds: 20 };
const LOAD = {
  paths: BODIES.map(() => '/bookings'),
  bodies: BODIES,
  method: 'POST' as const,
  connections: 50,
  durationSeconds: 10,
  warmupSeconds: 3,
};

/** Starts booking once and waits until it has applied the schedule for every day the load books. */
async function openInventories(bench: ServiceBench, booking: Candidate): Promise<void> {
  const { container, baseUrl } = await bench.start(booking);
  const pages = Array.from({ length: Math.ceil(DAYS / 30) }, (_, page) => [
    daysFromToday(1 + page * 30),
    daysFromToday(Math.min(DAYS, (page + 1) * 30)),
  ]);
  await waitUntil(
    'booking has every inventory the load books',
    async () => {
      let inventories = 0;
      for (const [from, to] of pages) {
        const response = await fetch(`${baseUrl}/inventories/snapshot?from=${from}&to=${to}`);
        inventories += ((await response.json()) as { items: unknown[] }).items.length;
      }
      return inventories === DAYS * REFERENCE_FLIGHTS.length;
    },
    180_000,
  );
  await container.remove({ force: true });
}

/**
 * Every seat for sale again: each server under load books as many as it can, and the floor books
 * about 20,000 a round, so that a later one would otherwise be answered 409 (sold out) for less work.
 * And no events left to publish: the floors write booking's statement, outbox row included, and
 * never publish it, so booking started after them spent its round publishing their 40,000 events
 * (1,666 bookings/s in round 1, 1,158 and 864 in rounds 2 and 3; at a steady 200/s, p99 422 ms).
 */
async function startAfresh(bench: ServiceBench): Promise<void> {
  const sql = 'UPDATE inventories SET seats_sold = 0; DELETE FROM outbox_messages WHERE sent_at IS NULL';
  const { code, output } = await exec(bench.database, ['psql', '-U', 'booking', '-d', 'booking', '-c', sql]);
  if (code !== 0) throw new Error(`could not start afresh: ${output}`);
}

async function main(): Promise<void> {
  const bench = await serviceBench({
    service: 'booking',
    port: 8060,
    broker: true,
    calls: [
      { service: 'search', port: 8090, env: { CATCH_UP: 'false' } },
      { service: 'fares', port: 8080 },
    ],
    probe: () => '/health/ready',
  });
  try {
    await openInventories(bench, { name: 'booking', image: bench.image });
    // Search has announced the schedule: stopped, it keeps to itself the CPU that its projection of
    // every booking would take (a quarter to a half of the machine), and that it would still spend
    // on one candidate's backlog while the next is measured. The broker still takes every event;
    // booking, with its inventories open, starts without catching up with search.
    await bench.called('search').stop();
    const booking = { name: 'booking', image: bench.image, env: { CATCH_UP: 'false' } };
    const bare = bench.floor(BARE, ['node-http.js'], { RECORD_BOOKING_SQL: RECORD_BOOKING.text });
    const nest = await bench.bundledFloor(NEST, 'nest-floor.ts');
    const publishing = await bench.bundledFloor(PUBLISHING, 'nest-floor.ts', { PUBLISH_EVENTS: 'true' });
    const afresh = () => startAfresh(bench);
    const candidates = [booking, publishing, nest, bare];
    const results = await compareUnderLoad(bench, candidates, LOAD, ROUNDS, afresh);
    await afresh();
    const pgbench = await runPgbench(bench.database, {
      database: 'booking',
      clients: LOAD.connections,
      durationSeconds: LOAD.durationSeconds,
      prepared: true,
      setup: BOOKING_REFERENCES,
      script: bookingTransaction(
        REFERENCE_FLIGHTS.map((flight) => flight.flightNumber),
        DAYS,
      ),
    });
    const tps = pgbench.transactionsPerSecond;
    console.log(
      `pgbench, the booking transaction in SQL, ${LOAD.connections} clients: ${tps.toLocaleString('en-US')} tps`,
    );
    printRatios(results, BARE, ROUNDS);
    for (const { name } of candidates) {
      const rate = results.get(name)?.requestsPerSecond ?? NaN;
      console.log(`${name} against pgbench: ${(rate / tps).toFixed(2)}x (target 0.5x for booking)`);
    }
    await afresh();
    const { container, baseUrl } = await bench.start(booking);
    const steady = await measureLoad({ ...LOAD, ...STEADY, baseUrl, rate: 200 });
    console.log(`booking at a steady 200 bookings/s: ${describeLoad(steady)} (target p99 < 100 ms)`);
    await container.remove({ force: true });
    await afresh();
    await profileUnderLoad(bench, booking, LOAD);
  } finally {
    await bench.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
