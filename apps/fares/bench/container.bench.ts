// The fares container as compose runs it: size above the base image, idle memory, latency under a
// short load, and the time from SIGTERM to exit. Targets: < 60 MB, RSS < 90 MB, exit < 2 s.
// Traffic goes only to the container's port on 127.0.0.1; everything is removed at the end.
import { workspaceRoot } from '@pss/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchNetwork, buildBenchImages, residentMemory, startFromImage } from './bench-containers';

const IDLE_MS = 30_000;
const MB = 1_000_000;

async function load(url: string): Promise<string> {
  const autocannon = join(workspaceRoot, 'node_modules', 'autocannon', 'autocannon.js');
  const { stdout } = await promisify(execFile)('node', [autocannon, '-c', '10', '-d', '10', '-j', url]);
  const result = JSON.parse(stdout);
  return `${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`;
}

async function main(): Promise<void> {
  const { base: baseImage, addedBytes } = await buildBenchImages();
  console.log(`image: ${addedBytes / MB} MB above ${baseImage}`);
  const network = await benchNetwork();
  try {
    const { container: fares, base } = await startFromImage(network, { readyPath: '/health/ready' });
    await network.registered('FARES');
    const fare = `${base}/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`;
    await fetch(fare);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    console.log(`idle after ${IDLE_MS / 1000} s: ${await residentMemory(fares)}`);
    console.log(`GET /fares, 10 connections, 10 s: ${await load(fare)}`);
    console.log(`after the load: ${await residentMemory(fares)}`);
    const signalled = Date.now();
    await fares.kill({ signal: 'SIGTERM' });
    await fares.wait();
    const { State } = await fares.inspect();
    console.log(
      `SIGTERM to exit: ${Date.parse(State.FinishedAt) - signalled} ms, exit code ${State.ExitCode}`,
    );
  } finally {
    await network.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
