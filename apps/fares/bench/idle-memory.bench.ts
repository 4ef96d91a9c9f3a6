// Idle memory of fares as its image runs it (default V8 tiers, no tuning), beside the floors of the
// stack it is built on, all in one run with the same node binary: a bare node:http + pg server,
// NestJS + TypeORM on fastify with one route, and that with the platform's libraries loaded
// (OpenAPI, health checks, config, logging, metrics, the Eureka client). Each answers one request,
// then idles; its /proc status is read. Fares also runs with the memory limit compose gives each
// service: V8 sizes its heap, young generation included, from the container's limit.
// Budget: under 128 MiB per service.
import { residentMemory, type Candidate } from '@pss/bench';
import { composeServiceMemoryMiB, faresBench } from './fares-bench';

const IDLE_MS = 30_000;

async function main(): Promise<void> {
  const bench = await faresBench();
  try {
    // fares first: it migrates the database and files the fares the floors read.
    const limit = composeServiceMemoryMiB();
    const candidates: Candidate[] = [
      { name: 'fares, registered', image: bench.image },
      {
        name: `fares, registered, limited to ${limit} MiB as in compose`,
        image: bench.image,
        memoryMiB: limit,
      },
      bench.floor('bare node:http + pg', ['node-http.js']),
      bench.floor('NestJS + TypeORM, fastify', ['nest.js', 'fastify']),
      bench.floor('that, with the platform libraries loaded', ['nest.js', 'fastify'], {
        LOAD_PLATFORM_LIBRARIES: 'true',
      }),
    ];
    const started = [];
    for (const candidate of candidates) started.push({ candidate, ...(await bench.start(candidate)) });
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    console.log(`idle for ${IDLE_MS / 1000} s after one request:`);
    for (const { candidate, container } of started)
      console.log(`  ${candidate.name}: ${await residentMemory(container)}`);
  } finally {
    await bench.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
