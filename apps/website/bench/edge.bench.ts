// The website in front of search, on one network: GET /flights straight to search, through a bare
// node:http proxy (the floor of any proxy here), through fastify and @fastify/reply-from alone (the
// floor of the library the edge forwards with) and through the edge (/api/search/flights), side by
// side in each round; then the search results page at 50 users beside its floor (a bare node:http
// server asking search and writing the page with template strings), CPU profiles of the website
// forwarding and serving it, and what each page weighs.
// Targets: the edge adds under 2 ms at p50 and 5 ms at p99, and keeps at least 0.7x the requests/s
// of the direct call; the results page p99 under 50 ms at 50 users; each page under 100 kB.
import {
  describeLoad,
  measureLoad,
  profileUnderLoad,
  seedSearchWithReferenceSales,
  searchServiceBench,
  type LoadResult,
} from '@pss/bench';
import { daysFromToday, waitUntil } from '@pss/testing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ORIGINS = ['SEA', 'NYC', 'CHI', 'HOU', 'LAX'];
const DAYS = 30;
const LOAD = { connections: 50, durationSeconds: 10, warmupSeconds: 3 };

const queries = (): string[] =>
  Array.from({ length: DAYS }, (_, day) => daysFromToday(day + 1)).flatMap((date) =>
    ORIGINS.map((origin) => `origin=${origin}&destination=SFO&date=${date}&passengers=2`),
  );

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const bench = await searchServiceBench();
  try {
    const search = { name: 'search', image: bench.image, env: { CATCH_UP: 'false' } };
    await seedSearchWithReferenceSales(bench, search);
    const { baseUrl: searchUrl } = await bench.start(search);
    const { baseUrl: websiteUrl } = await bench.startBeside('website', 8001);
    await waitUntil(
      'the edge finds search through the registry',
      async () => (await fetch(`${websiteUrl}/api/search/flights?${queries()[0]}`)).ok,
      60_000,
    );

    // The floor: the same hop in bare node:http, in front of the same search.
    const { baseUrl: floorUrl } = await bench.start(
      bench.floor('bare node:http proxy', ['bare-proxy.js'], { UPSTREAM: searchUrl }, 'website'),
    );
    const { baseUrl: libraryUrl } = await bench.start(
      bench.floor(
        'fastify and @fastify/reply-from',
        ['reply-from-proxy.js'],
        { UPSTREAM: searchUrl },
        'website',
      ),
    );
    const viaProxy = queries().map((q) => `/api/search/flights?${q}`);
    const direct: LoadResult[] = [];
    const floor: LoadResult[] = [];
    const library: LoadResult[] = [];
    const edge: LoadResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const straight = await measureLoad({
        ...LOAD,
        baseUrl: searchUrl,
        paths: queries().map((q) => `/flights?${q}`),
      });
      const bare = await measureLoad({ ...LOAD, baseUrl: floorUrl, paths: viaProxy });
      const replyFrom = await measureLoad({ ...LOAD, baseUrl: libraryUrl, paths: viaProxy });
      const proxied = await measureLoad({ ...LOAD, baseUrl: websiteUrl, paths: viaProxy });
      direct.push(straight);
      floor.push(bare);
      library.push(replyFrom);
      edge.push(proxied);
      console.log(
        `round ${round}: search ${describeLoad(straight)}; through a bare node:http proxy ${describeLoad(bare)}; ` +
          `through fastify and @fastify/reply-from ${describeLoad(replyFrom)}; through the edge ${describeLoad(proxied)}`,
      );
    }
    const of = (runs: LoadResult[], key: 'requestsPerSecond' | 'p50Ms' | 'p99Ms') =>
      median(runs.map((run) => run[key]));
    const added = (runs: LoadResult[]) =>
      `adds ${(of(runs, 'p50Ms') - of(direct, 'p50Ms')).toFixed(1)} ms at p50, ` +
      `${(of(runs, 'p99Ms') - of(direct, 'p99Ms')).toFixed(1)} ms at p99, and keeps ` +
      `${(of(runs, 'requestsPerSecond') / of(direct, 'requestsPerSecond')).toFixed(2)}x the requests/s of the direct call`;
    console.log(`\nmedian of ${ROUNDS} rounds, ${LOAD.connections} connections:`);
    const against = (runs: LoadResult[]) =>
      `${(of(edge, 'requestsPerSecond') / of(runs, 'requestsPerSecond')).toFixed(2)}x its requests/s`;
    console.log(`  the floor, a bare node:http proxy, ${added(floor)}`);
    console.log(`  the library's floor, fastify and @fastify/reply-from, ${added(library)}`);
    console.log(`  the edge ${added(edge)} (targets: < 2 ms, < 5 ms, 0.7x)`);
    console.log(
      `  the edge against the bare proxy: ${against(floor)}; against the library alone: ${against(library)}`,
    );

    const pages = queries().map((q) => `/?${q}`);
    const pageFloor: LoadResult[] = [];
    const page: LoadResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const bare = await measureLoad({ ...LOAD, baseUrl: floorUrl, paths: pages });
      const rendered = await measureLoad({ ...LOAD, baseUrl: websiteUrl, paths: pages });
      pageFloor.push(bare);
      page.push(rendered);
      console.log(
        `round ${round}: the results page from a bare node:http server ${describeLoad(bare)}; from the website ${describeLoad(rendered)}`,
      );
    }
    console.log(
      `the search results page, ${LOAD.connections} users, median of ${ROUNDS}: p50 ${of(page, 'p50Ms')} ms, ` +
        `p99 ${of(page, 'p99Ms')} ms, ${of(page, 'requestsPerSecond')} req/s (target p99 < 50 ms); its floor: ` +
        `p50 ${of(pageFloor, 'p50Ms')} ms, p99 ${of(pageFloor, 'p99Ms')} ms, ${of(pageFloor, 'requestsPerSecond')} req/s`,
    );

    // Where the edge's and the page's time goes: a second website, profiled under the same loads.
    const profiled = (name: string, paths: string[]) =>
      profileUnderLoad(bench, { name, image: 'pss/website:bench' }, { ...LOAD, paths }, (profiling) =>
        bench.startBeside('website', 8001, profiling),
      );
    await profiled('the edge forwarding to search', viaProxy);
    await profiled('the website serving the results page', pages);

    const results = await fetch(`${websiteUrl}/?${queries()[0]}`);
    const html = await results.text();
    const stylesheet = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(html)?.[1] ?? '';
    const css = await (await fetch(`${websiteUrl}${stylesheet}`)).text();
    const form = await (await fetch(`${websiteUrl}/book?${queries()[0]}&flightNumber=BF100`)).text();
    const kB = (text: string) => (Buffer.byteLength(text) / 1024).toFixed(1);
    console.log(
      `page weights, uncompressed: results page ${kB(html)} kB + stylesheet ${kB(css)} kB (cached for a year); ` +
        `booking form for 2 ${kB(form)} kB (target: each page under 100 kB)`,
    );
  } finally {
    await bench.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
