// GET /fares under load, beside its floors, in one run on one database container: pgbench running
// the same SQL, a bare node:http + pg server, NestJS alone on express and on fastify, then fares
// itself, also with the memory limit compose gives it (and any image named in FARES_BENCH_IMAGES,
// e.g. an older build, for a before/after).
// Load goes to each server's address on the container network, never through a published port.
// Target: fares at least 0.5x the bare server. A CPU profile of fares under the same load follows.
import { compareUnderLoad, printRatios, profileUnderLoad, runPgbench, type Candidate } from '@pss/bench';
import { daysFromToday } from '@pss/testing';
import { BENCH_DAYS, composeServiceMemoryMiB, faresBench } from './fares-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** A realistic mix: every book flight on each of the next 60 days. */
function farePaths(): string[] {
  const paths: string[] = [];
  for (let day = 0; day < BENCH_DAYS; day++) {
    const date = daysFromToday(day);
    for (let flight = 100; flight <= 106; flight++)
      paths.push(`/fares?flightNumber=BF${flight}&flightDate=${date}`);
  }
  return paths;
}

const LOAD = { paths: farePaths(), connections: 50, durationSeconds: 10, warmupSeconds: 3 };

async function main(): Promise<void> {
  const bench = await faresBench();
  try {
    // fares first: it migrates the database and files the fares the floors read.
    const candidates: Candidate[] = [
      { name: 'fares', image: bench.image },
      {
        name: `fares, limited to ${composeServiceMemoryMiB()} MiB as in compose`,
        image: bench.image,
        memoryMiB: composeServiceMemoryMiB(),
      },
      ...(process.env.FARES_BENCH_IMAGES ?? '')
        .split(',')
        .filter(Boolean)
        .map((image) => ({ name: `fares (${image})`, image })),
      bench.floor('bare node:http + pg', ['node-http.js']),
      bench.floor('NestJS + TypeORM, express', ['nest.js', 'express']),
      bench.floor('NestJS + TypeORM, fastify', ['nest.js', 'fastify']),
    ];
    const results = await compareUnderLoad(bench, candidates, LOAD, ROUNDS);
    const pgbench = await runPgbench(bench.database, {
      database: 'fares',
      clients: LOAD.connections,
      durationSeconds: LOAD.durationSeconds,
      script: [
        '\\set flight random(100, 106)',
        '\\set day random(0, 59)',
        "SELECT amount, currency FROM fares WHERE flight_number = 'BF' || :flight::text AND flight_date = current_date + :day::int;",
      ].join('\n'),
    });
    console.log(
      `pgbench, same SQL, ${LOAD.connections} clients: ${pgbench.transactionsPerSecond.toLocaleString('en-US')} tps`,
    );
    printRatios(results, 'bare node:http + pg', ROUNDS);
    await profileUnderLoad(bench, { name: 'fares', image: bench.image }, LOAD);
  } finally {
    await bench.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
