import type Docker from 'dockerode';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { printCpuProfile } from './cpu-profile';
import { describeLoad, measureLoad, type LoadOptions, type LoadResult } from './load';
import {
  buildServiceImage,
  bundledEntry,
  exec,
  TestNetwork,
  waitUntil,
  baseImages,
  workspaceRoot,
  TEST_REGISTRY_ENV,
  withRegistryCredentials,
} from '@pss/testing';

/** A server to measure: the service's image, or a floor script run by the same node binary. */
export interface Candidate {
  name: string;
  image: string;
  command?: string[];
  binds?: string[];
  env?: Record<string, string>;
  memoryMiB?: number;
}

export interface ServiceBenchSpec {
  /** The app under apps/: its image is built, its database is `<service>-db`. */
  service: string;
  port: number;
  broker?: boolean;
  /**
   * Services it calls or follows, each run from its image with its own database, registered, in
   * this order, with `env` added to compose's.
   */
  calls?: CalledService[];
  /** A path answered 200 once the server is ready. */
  probe: () => string;
}

export interface CalledService {
  service: string;
  port: number;
  env?: Record<string, string>;
}

export interface ServiceBench {
  image: string;
  database: Docker.Container;
  /** A script of apps/<project>/bench/floor (the service's, by default), with the workspace's packages. */
  floor(name: string, args: string[], env?: Record<string, string>, project?: string): Candidate;
  /**
   * A TypeScript script of the service's bench/floor, bundled as the images bundle a service (so it
   * can use the service's own classes and statements), run by the same node binary.
   */
  bundledFloor(name: string, file: string, env?: Record<string, string>): Promise<Candidate>;
  start(candidate: Candidate): Promise<{ container: Docker.Container; baseUrl: string }>;
  /** The container of a service of `calls`. */
  called(service: string): Docker.Container;
  /**
   * Another service without a database beside it (the website in front of search): its image,
   * registered with its own account; resolves once it answers ready.
   */
  startBeside(
    service: string,
    port: number,
    run?: Pick<Candidate, 'command' | 'binds'>,
  ): Promise<{ container: Docker.Container; baseUrl: string }>;
  remove(): Promise<void>;
}

/**
 * The network a service's benchmarks run on, as compose gives it to the service: its PostgreSQL,
 * RabbitMQ if it uses one, and a registry. Servers are reached at their address on the network,
 * never through a published port (docker-proxy would be part of what is measured).
 */
export async function serviceBench(spec: ServiceBenchSpec): Promise<ServiceBench> {
  const image = `pss/${spec.service}:bench`;
  await buildServiceImage('discovery', 'pss/discovery:bench');
  await buildServiceImage(spec.service, image);
  const network = await TestNetwork.create(`${spec.service}-bench`);
  const credentials = `${spec.service}:${spec.service}`;
  const env = {
    DATABASE_URL: `postgres://${credentials}@${spec.service}-db:5432/${spec.service}`,
    DISCOVERY_URLS: withRegistryCredentials('http://discovery:8761/eureka/', spec.service),
    PORT: String(spec.port),
    ...(spec.broker && { RABBITMQ_URL: `amqp://${credentials}@rabbitmq:5672` }),
  };
  try {
    const database = await network.startPostgres(`${spec.service}-db`, spec.service);
    const rabbitmq = spec.broker
      ? {
          image: baseImages.rabbitmq,
          alias: 'rabbitmq',
          env: { RABBITMQ_DEFAULT_USER: spec.service, RABBITMQ_DEFAULT_PASS: spec.service },
        }
      : undefined;
    if (rabbitmq) await network.start(rabbitmq);
    await network.start({
      image: 'pss/discovery:bench',
      alias: 'discovery',
      env: { INSTANCE_HOST: 'discovery', LOG_LEVEL: 'warn', ...TEST_REGISTRY_ENV },
    });
    const called = new Map<string, Docker.Container>();
    for (const service of spec.calls ?? [])
      called.set(service.service, await startCalled(network, service, env.RABBITMQ_URL));
    return {
      image,
      database,
      floor: (name, args, extraEnv = {}, project = spec.service) =>
        workspaceScript(name, [`apps/${project}/bench/floor/${args[0]}`, ...args.slice(1)], extraEnv),
      bundledFloor: async (name, file, extraEnv = {}) => {
        const app = `apps/${spec.service}`;
        const bundle = await bundledEntry(`${app}/bench/floor/${file}`, `${app}/tsconfig.json`);
        return workspaceScript(name, [relative(workspaceRoot, bundle)], extraEnv);
      },
      called: (service) => {
        const container = called.get(service);
        if (!container) throw new Error(`${service} is not among the services the bench runs`);
        return container;
      },
      start: async (candidate) => {
        const container = await network.start({ ...candidate, env: { ...env, ...candidate.env } });
        const baseUrl = `http://${await network.address(container)}:${spec.port}`;
        await waitUntil(candidate.name, async () => (await fetch(`${baseUrl}${spec.probe()}`)).ok, 180_000);
        return { container, baseUrl };
      },
      startBeside: async (service, port, run = {}) => {
        const image = `pss/${service}:bench`;
        await buildServiceImage(service, image);
        const container = await network.start({
          ...run,
          image,
          alias: service,
          env: {
            DISCOVERY_URLS: withRegistryCredentials('http://discovery:8761/eureka/', service),
            PORT: String(port),
          },
        });
        const baseUrl = `http://${await network.address(container)}:${port}`;
        await waitUntil(service, async () => (await fetch(`${baseUrl}/health/ready`)).ok, 180_000);
        return { container, baseUrl };
      },
      remove: () => network.remove(),
    };
  } catch (error) {
    await network.remove();
    throw error;
  }
}

/** `node <script> [args]`, the script a path in this workspace, run in the node base image. */
const workspaceScript = (
  name: string,
  [script, ...args]: string[],
  env: Record<string, string>,
): Candidate => ({
  name,
  image: baseImages.node,
  command: ['node', join('/workspace', script), ...args],
  binds: [`${workspaceRoot}:/workspace:ro`],
  env,
});

/**
 * A service the measured one calls: its image, its own database, registered as in compose, and the
 * bench's broker when there is one.
 */
async function startCalled(
  network: TestNetwork,
  { service, port, env }: CalledService,
  brokerUrl: string | undefined,
): Promise<Docker.Container> {
  const image = `pss/${service}:bench`;
  await buildServiceImage(service, image);
  await network.startPostgres(`${service}-db`, service);
  const container = await network.start({
    image,
    alias: service,
    env: {
      DATABASE_URL: `postgres://${service}:${service}@${service}-db:5432/${service}`,
      DISCOVERY_URLS: withRegistryCredentials('http://discovery:8761/eureka/', service),
      INSTANCE_HOST: service,
      ...(brokerUrl && { RABBITMQ_URL: brokerUrl }),
      ...env,
    },
  });
  const ready = `http://${await network.address(container)}:${port}/health/ready`;
  await waitUntil(service, async () => (await fetch(ready)).ok, 180_000);
  return container;
}

/** The run with the median requests/s. */
const median = (runs: LoadResult[]): LoadResult =>
  [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];

/**
 * Each candidate under the same load, once per round, rounds interleaved (these machines' figures
 * move by a third from one minute to the next); resolves with each candidate's median run.
 * `beforeEach` runs before every candidate starts (to put back what the last one used up).
 */
export async function compareUnderLoad(
  bench: ServiceBench,
  candidates: Candidate[],
  load: Omit<LoadOptions, 'baseUrl'>,
  rounds: number,
  beforeEach: () => Promise<void> = async () => undefined,
): Promise<Map<string, LoadResult>> {
  const runs = new Map<string, LoadResult[]>(candidates.map(({ name }) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const candidate of candidates) {
      await beforeEach();
      const { container, baseUrl } = await bench.start(candidate);
      const result = await measureLoad({ baseUrl, ...load });
      runs.get(candidate.name)?.push(result);
      console.log(`round ${round}, ${candidate.name}: ${describeLoad(result)}`);
      await container.remove({ force: true });
    }
  }
  return new Map([...runs].map(([name, results]) => [name, median(results)]));
}

/** Prints each median beside its ratio to `floorName`'s. */
export function printRatios(results: Map<string, LoadResult>, floorName: string, rounds: number): void {
  const floor = results.get(floorName)?.requestsPerSecond ?? NaN;
  console.log(`\nmedian of ${rounds} rounds; requests/s against ${floorName}:`);
  for (const [name, result] of results)
    console.log(`  ${name}: ${describeLoad(result)}; ${(result.requestsPerSecond / floor).toFixed(2)}x`);
}

/**
 * Runs `candidate` with V8's CPU profiler under `load`, and prints where its time went; `start`
 * starts it (the bench's service by default, or one beside it).
 */
export async function profileUnderLoad(
  bench: ServiceBench,
  candidate: Candidate,
  load: Omit<LoadOptions, 'baseUrl'>,
  start: ServiceBench['start'] = bench.start,
): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'pss-profile-'));
  chmodSync(directory, 0o777);
  try {
    const profiled = await start({
      ...candidate,
      command: ['node', '--cpu-prof', '--cpu-prof-dir=/profile', 'main.js'],
      binds: [`${directory}:/profile`],
    });
    const loadBegan = Date.now();
    await measureLoad({ baseUrl: profiled.baseUrl, ...load });
    await profiled.container.kill({ signal: 'SIGTERM' });
    await profiled.container.wait();
    const [file] = readdirSync(directory);
    printCpuProfile(`${candidate.name} under load`, join(directory, file), (Date.now() - loadBegan) / 1000);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Resident memory of the container's node process (tini's child in a service image). */
export async function residentMemory(container: Docker.Container): Promise<string> {
  const script = 'pid=$(cat /proc/1/task/1/children 2>/dev/null | cut -d" " -f1); cat /proc/${pid:-1}/status';
  const { output } = await exec(container, ['sh', '-c', script]);
  const mib = (field: string) =>
    (Number(new RegExp(`${field}:\\s+(\\d+)`).exec(output)?.[1]) / 1024).toFixed(1);
  return `RSS ${mib('VmRSS')} MiB (anonymous ${mib('RssAnon')}, file-backed ${mib('RssFile')})`;
}
