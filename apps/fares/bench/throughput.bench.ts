// GET /fares under load, beside its floors, in one run on one database container: pgbench running
// the same SQL, a bare node:http + pg server, NestJS alone on express and on fastify, then fares
// itself (and any image named in FARES_BENCH_IMAGES, e.g. an older build, for a before/after).
// Load goes to each server's address on the container network, never through a published port.
// Target: fares at least 0.5x the bare server. A CPU profile of fares under the same load follows.
import { describeLoad, measureLoad, runPgbench, summarizeCpuProfile, type LoadResult } from '@pss/testing';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FARES_IMAGE, faresBenchNetwork, floor, type Candidate } from './bench-network';

const LOAD = { connections: 50, durationSeconds: 10, warmupSeconds: 3 };
// This machine's figures move by a third from one minute to the next: each candidate runs once per
// round, rounds interleaved, and the median of its rounds is compared.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** A realistic mix: every book flight on each of the next 60 days. */
function farePaths(): string[] {
  const paths: string[] = [];
  for (let day = 0; day < 60; day++) {
    const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
    for (let flight = 100; flight <= 106; flight++)
      paths.push(`/fares?flightNumber=BF${flight}&flightDate=${date}`);
  }
  return paths;
}

/** The run with the median requests/s. */
const median = (runs: LoadResult[]): LoadResult =>
  [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];

async function main(): Promise<void> {
  const { network, database, start } = await faresBenchNetwork();
  const paths = farePaths();
  try {
    const candidates: Candidate[] = [
      { name: 'fares', image: FARES_IMAGE },
      ...(process.env.FARES_BENCH_IMAGES ?? '')
        .split(',')
        .filter(Boolean)
        .map((image) => ({ name: `fares (${image})`, image })),
      floor('bare node:http + pg', ['node-http.js']),
      floor('NestJS + TypeORM, express', ['nest.js', 'express']),
      floor('NestJS + TypeORM, fastify', ['nest.js', 'fastify']),
    ];
    const rounds = new Map<string, LoadResult[]>(candidates.map(({ name }) => [name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const candidate of candidates) {
        const { container, baseUrl } = await start(candidate);
        const result = await measureLoad({ baseUrl, paths, ...LOAD });
        rounds.get(candidate.name)?.push(result);
        console.log(`round ${round}, ${candidate.name}: ${describeLoad(result)}`);
        await container.remove({ force: true });
      }
    }
    const results = new Map([...rounds].map(([name, runs]) => [name, median(runs)]));
    const pgbench = await runPgbench(database, {
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
      `pgbench, same SQL, ${LOAD.connections} clients: ${pgbench.transactionsPerSecond.toLocaleString('en-US')} tps, average ${pgbench.averageLatencyMs} ms`,
    );
    const bareFloor = results.get('bare node:http + pg')?.requestsPerSecond ?? NaN;
    console.log(`\nmedian of ${ROUNDS} rounds; requests/s against the bare node:http + pg floor:`);
    for (const [name, result] of results)
      console.log(
        `  ${name}: ${describeLoad(result)}; ${(result.requestsPerSecond / bareFloor).toFixed(2)}x`,
      );

    const profileDir = mkdtempSync(join(tmpdir(), 'fares-profile-'));
    chmodSync(profileDir, 0o777);
    try {
      const profiled = await start({
        name: 'fares, profiled',
        image: FARES_IMAGE,
        command: ['node', '--cpu-prof', '--cpu-prof-dir=/profile', 'main.js'],
        binds: [`${profileDir}:/profile`],
      });
      await measureLoad({ baseUrl: profiled.baseUrl, paths, ...LOAD });
      await profiled.container.kill({ signal: 'SIGTERM' });
      await profiled.container.wait();
      const [file] = readdirSync(profileDir);
      const { owners, functions } = summarizeCpuProfile(join(profileDir, file));
      console.log('\nfares under load, CPU self time by owner:');
      for (const { name, percent } of owners) console.log(`  ${percent}%  ${name}`);
      console.log('by function:');
      for (const { name, percent } of functions) console.log(`  ${percent}%  ${name}`);
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  } finally {
    await network.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
