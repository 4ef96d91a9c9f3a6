import {
  baseImages,
  patchedDependenciesProbe,
  patchedLoadingCost,
  waitUntil,
  workspaceRoot,
} from '@pss/testing';
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import {
  buildImage,
  docker,
  exec,
  imageSize,
  logLines,
  runToCompletion,
  startFaresDatabase,
} from './test/docker';
import { todayUtc } from './test/fares-app';

const TAG = 'pss/fares:test';
const MB = 1_000_000;
// CI removes containers with this label if a crashed run leaves them behind.
const Labels = { 'org.testcontainers': 'true' };

/** The image as compose runs it: its own PostgreSQL on a user-defined network, HTTP on 127.0.0.1. */
describe('the fares image', () => {
  const suffix = randomBytes(4).toString('hex');
  let network: Docker.Network;
  let database: Docker.Container;
  let fares: Docker.Container;
  let baseUrl: string;

  beforeAll(async () => {
    await buildImage('apps/fares/Dockerfile', TAG, workspaceRoot);
    network = await docker.createNetwork({ Name: `fares-test-${suffix}` });
    database = await startFaresDatabase(network.id, { Labels, name: `fares-db-${suffix}` });
    fares = await docker.createContainer({
      Image: TAG,
      Labels,
      name: `fares-${suffix}`,
      Env: ['DATABASE_URL=postgres://fares:fares@fares-db:5432/fares'],
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: {
        NetworkMode: network.id,
        PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
    });
    await fares.start();
    const port = (await fares.inspect()).NetworkSettings.Ports['8080/tcp'][0].HostPort;
    baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil('fares to be ready', async () => (await fetch(`${baseUrl}/health/ready`)).ok, 90_000);
  }, 900_000);

  afterAll(async () => {
    for (const container of [fares, database])
      await container?.remove({ force: true }).catch(() => undefined);
    await network?.remove().catch(() => undefined);
  });

  it('adds less than 60 MB to the base image', async () => {
    const added = (await imageSize(TAG)) - (await imageSize(baseImages.node));
    console.log(`fares image: ${(added / MB).toFixed(1)} MB above ${baseImages.node}`);
    expect(added).toBeLessThan(60 * MB);
  });

  it('runs as node under an init process, without TypeScript sources, dev dependencies or `request`', async () => {
    const { Config } = await fares.inspect();
    expect(Config.User).toBe('node');
    expect(Config.Entrypoint).toEqual(['/usr/bin/tini', '--']);
    const { output } = await exec(fares, [
      'sh',
      '-c',
      'find /app -name "*.ts" | head -5; ls /app/node_modules',
    ]);
    expect(output).not.toMatch(/\.ts$/m);
    expect(output).not.toMatch(/^(typescript|jest|nx|esbuild|@swc|testcontainers)$/m);
    // eureka-js-client is bundled with its deprecated HTTP library left out (ADR 0004).
    expect(output).not.toMatch(/^(eureka-js-client|request|tough-cookie|form-data)$/m);
    expect(output).toMatch(/^typeorm$/m);
  });

  it('ships its npm packages slimmed: no source maps, every script minified', async () => {
    const { output } = await exec(fares, [
      'sh',
      '-c',
      'find /app/node_modules -name "*.map" | head -5; echo "lines=$(wc -l < /app/node_modules/typeorm/index.js)"',
    ]);
    expect(output).not.toMatch(/\.map$/m);
    // typeorm's index.js is about 200 lines as published; minified it is one or two.
    expect(Number(/lines=(\d+)/.exec(output)?.[1])).toBeLessThanOrEqual(2);
  });

  it('ships its packages with the fixes in patches/ applied', async () => {
    // Each fix keeps something fares never uses from loading with its package (ADR 0004).
    const { output } = await exec(fares, ['node', '-e', patchedDependenciesProbe]);
    // exec output is Docker's multiplexed stream: the JSON line sits behind a frame header.
    expect(JSON.parse(/\{.*\}/.exec(output)?.[0] ?? 'null')).toEqual(patchedLoadingCost);
  });

  it('serves the seeded BF101 fare and logs JSON lines with the request id', async () => {
    const response = await fetch(`${baseUrl}/fares?flightNumber=BF101&flightDate=${todayUtc()}`, {
      headers: { 'X-Request-Id': `image-${suffix}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ fare: { amount: '101.00', currency: 'USD' } });
    await waitUntil(
      'the request log line',
      async () => (await logLines(fares)).some((line) => line.includes(suffix)),
      90_000,
    );
    const entries = (await logLines(fares)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.requestId === `image-${suffix}`)).toMatchObject({
      service: 'fares',
    });
    expect(entries.some((entry) => /migrated/.test(String(entry.msg)))).toBe(true);
  });

  it('migrates and seeds as a one-shot command, for compose to run before the service', async () => {
    const { code, lines } = await runToCompletion({
      Image: TAG,
      Labels,
      Cmd: ['node', 'main.js', 'migrate'],
      Env: ['DATABASE_URL=postgres://fares:fares@fares-db:5432/fares', 'MIGRATE_ON_START=false'],
      HostConfig: { NetworkMode: network.id },
    });
    expect(code).toBe(0);
    expect(lines.map((line) => JSON.parse(line).msg)).toContain('database migrated (0 applied) and seeded');
  });

  it('refuses to start without DATABASE_URL, naming it in a JSON line', async () => {
    const { code, lines } = await runToCompletion({ Image: TAG, Labels, Env: ['PORT=eighty'] });
    expect(code).toBe(1);
    const fatal = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'startup failed');
    expect(fatal.err.problems).toEqual(['PORT must be an integer number', 'DATABASE_URL is required']);
  });

  it('reports healthy through its HEALTHCHECK', async () => {
    await waitUntil(
      'Docker health',
      async () => (await fares.inspect()).State.Health?.Status === 'healthy',
      60_000,
    );
  });

  it('exits with 0 within 2 s of SIGTERM', async () => {
    const signalled = Date.now();
    await fares.kill({ signal: 'SIGTERM' });
    await fares.wait();
    // The engine's exit time, not when `wait` returns: tearing the container down is not the app's.
    const { State } = await fares.inspect();
    const elapsed = Date.parse(State.FinishedAt) - signalled;
    console.log(`fares exited ${elapsed} ms after SIGTERM`);
    expect(State.ExitCode).toBe(0);
    expect(elapsed).toBeLessThan(2_000);
  });
});
