// GET /flights under load, in one run on one database container: search with its cache, search
// with the cache off, a bare node:http server answering from the same kind of cache (the floor of
// what Node does here), and pgbench running search's own SQL with as many clients. Then search at
// a steady 1,000 requests/s, and a CPU profile of it under full load.
// Targets: with the cache, at least 1.0x pgbench's transactions/s; p99 under 25 ms at 1,000 req/s.
import {
  compareUnderLoad,
  describeLoad,
  measureLoad,
  printRatios,
  profileUnderLoad,
  runPgbench,
  searchQuery,
  seedSearchWithReferenceSales,
  searchServiceBench,
} from '@pss/bench';
import { daysFromToday } from '@pss/testing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ORIGINS = ['SEA', 'NYC', 'CHI', 'HOU', 'LAX'];
const DAYS = 30;

/** A realistic mix: each origin to SFO, on each of the next 30 days, for 1 to 4 passengers. */
function searchPaths(): string[] {
  const paths: string[] = [];
  for (let day = 1; day <= DAYS; day++) {
    const date = daysFromToday(day);
    for (const origin of ORIGINS)
      for (let passengers = 1; passengers <= 4; passengers++)
        paths.push(`/flights?origin=${origin}&destination=SFO&date=${date}&passengers=${passengers}`);
  }
  return paths;
}

const LOAD = { paths: searchPaths(), connections: 50, durationSeconds: 10, warmupSeconds: 3 };

async function main(): Promise<void> {
  const bench = await searchServiceBench();
  try {
    // Search first, alone: it migrates and seeds the schedule the floor reads too; the fares and
    // seats its owners' events would bring are written as those events would write them (no fares
    // or booking on this bench, nothing to catch up from).
    const alone = { CATCH_UP: 'false' };
    const search = { name: 'search, cached', image: bench.image, env: alone };
    await seedSearchWithReferenceSales(bench, search);
    const results = await compareUnderLoad(
      bench,
      [
        search,
        { name: 'search, cache off', image: bench.image, env: { ...alone, SEARCH_CACHE_MAX_ROUTES: '0' } },
        bench.floor('bare node:http from a cache', ['cached-node-http.js']),
      ],
      LOAD,
      ROUNDS,
    );
    const pgbench = await runPgbench(bench.database, {
      database: 'search',
      clients: LOAD.connections,
      durationSeconds: LOAD.durationSeconds,
      script: searchQuery(
        ORIGINS.map((origin) => ({ origin, destination: 'SFO' })),
        DAYS,
      ),
    });
    const tps = pgbench.transactionsPerSecond;
    console.log(`pgbench, search's SQL, ${LOAD.connections} clients: ${tps.toLocaleString('en-US')} tps`);
    printRatios(results, 'bare node:http from a cache', ROUNDS);
    const cached = results.get(search.name)?.requestsPerSecond ?? NaN;
    console.log(`search with its cache against pgbench: ${(cached / tps).toFixed(2)}x (target 1.0x)`);

    // Paced: a request every millisecond, timed from when it was due. The floor at the same rate
    // shows what is left.
    const floor = bench.floor('bare node:http from a cache', ['cached-node-http.js']);
    for (const candidate of [search, floor]) {
      const { container, baseUrl } = await bench.start(candidate);
      const steady = await measureLoad({
        ...LOAD,
        baseUrl,
        rate: 1_000,
        durationSeconds: 20,
      });
      console.log(`${candidate.name} at a steady 1,000 req/s: ${describeLoad(steady)} (target p99 < 25 ms)`);
      await container.remove({ force: true });
    }
    await profileUnderLoad(bench, search, LOAD);
  } finally {
    await bench.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
