// The fares container as compose runs it: size above the base image, idle memory, latency under a
// short load, and the time from SIGTERM to exit. Targets: < 60 MB, RSS < 90 MB, exit < 2 s.
// Traffic goes only to the container's port on 127.0.0.1; everything is removed at the end.
import type Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildImage, docker, exec, imageSize, waitFor } from '../src/test/docker';

const root = join(__dirname, '..', '..', '..');
const TAG = 'pss/fares:bench';
const IDLE_MS = 30_000;
const MB = 1_000_000;

async function memory(container: Docker.Container): Promise<string> {
  const node = 'cat /proc/$(cut -d" " -f1 /proc/1/task/1/children)/status';
  const { output } = await exec(container, ['sh', '-c', node]);
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(output)?.[1] ?? NaN);
  return `RSS ${(kb('VmRSS') / 1024).toFixed(1)} MiB (anonymous ${(kb('RssAnon') / 1024).toFixed(1)}, file-backed ${(kb('RssFile') / 1024).toFixed(1)})`;
}

async function load(url: string): Promise<string> {
  const autocannon = join(root, 'node_modules', 'autocannon', 'autocannon.js');
  const { stdout } = await promisify(execFile)('node', [autocannon, '-c', '10', '-d', '10', '-j', url]);
  const result = JSON.parse(stdout);
  return `${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`;
}

async function main(): Promise<void> {
  const nodeImage = /NODE_IMAGE=(\S+)/.exec(
    await promisify(execFile)('cat', [join(root, 'docker', 'images.env')]).then((r) => r.stdout),
  )?.[1] as string;
  await buildImage('apps/fares/Dockerfile', TAG, root);
  console.log(`image: ${((await imageSize(TAG)) - (await imageSize(nodeImage))) / MB} MB above ${nodeImage}`);
  const network = await docker.createNetwork({ Name: `fares-bench-${process.pid}` });
  const containers: Docker.Container[] = [];
  try {
    const database = await docker.createContainer({
      Image: 'postgres:17-trixie',
      Env: ['POSTGRES_USER=fares', 'POSTGRES_PASSWORD=fares', 'POSTGRES_DB=fares'],
      HostConfig: { NetworkMode: network.id },
      NetworkingConfig: { EndpointsConfig: { [network.id]: { Aliases: ['fares-db'] } } },
    });
    containers.push(database);
    await database.start();
    await waitFor(
      'PostgreSQL',
      async () => (await exec(database, ['pg_isready', '-h', '127.0.0.1'])).code === 0,
    );
    const fares = await docker.createContainer({
      Image: TAG,
      Env: ['DATABASE_URL=postgres://fares:fares@fares-db:5432/fares', 'LOG_LEVEL=warn'],
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: {
        NetworkMode: network.id,
        PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
    });
    containers.push(fares);
    await fares.start();
    const port = (await fares.inspect()).NetworkSettings.Ports['8080/tcp'][0].HostPort;
    const base = `http://127.0.0.1:${port}`;
    await waitFor('fares', async () => (await fetch(`${base}/health/ready`)).ok);
    const today = new Date().toISOString().slice(0, 10);
    await fetch(`${base}/fares?flightNumber=BF101&flightDate=${today}`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    console.log(`idle after ${IDLE_MS / 1000} s: ${await memory(fares)}`);
    console.log(
      `GET /fares, 10 connections, 10 s: ${await load(`${base}/fares?flightNumber=BF101&flightDate=${today}`)}`,
    );
    console.log(`after the load: ${await memory(fares)}`);
    const signalled = Date.now();
    await fares.kill({ signal: 'SIGTERM' });
    await fares.wait();
    const { State } = await fares.inspect();
    console.log(
      `SIGTERM to exit: ${Date.parse(State.FinishedAt) - signalled} ms, exit code ${State.ExitCode}`,
    );
  } finally {
    for (const container of containers) await container.remove({ force: true }).catch(() => undefined);
    await network.remove().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
