import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker, exec, extraCaBundle, fetchInContainer, imageVersion, workspaceRoot } from '@pss/testing';
import type Docker from 'dockerode';
import { parse } from 'yaml';

/** The compose project the system tests use; .ci/run removes it if a crashed run left it behind. */
export const SYSTEM_TEST_PROJECT = 'pss-system-test';

/** A service's published port (or range), as docker-compose.yml gives it: the variable that moves it. */
interface PublishedPort {
  variable: string;
  /** How many ports: one per instance of `--scale <service>=N`. */
  count: number;
}

/**
 * Every service of `root`'s docker-compose.yml with a published port, read from the file itself
 * (`${PSS_BIND_ADDRESS:-127.0.0.1}:${PSS_FARES_PORTS:-8080-8082}:8080`): a service added to it is
 * given free ports like the others.
 */
export function publishedPorts(root = workspaceRoot): Record<string, PublishedPort> {
  const { services } = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { ports?: string[] }>;
  };
  const published: Record<string, PublishedPort> = {};
  for (const [service, { ports = [] }] of Object.entries(services)) {
    for (const port of ports) {
      const found = /\$\{(PSS_\w+_PORTS?):-(\d+)(?:-(\d+))?\}:\d+$/.exec(port);
      if (!found) throw new Error(`${service} publishes ${port}, not through a PSS_*_PORT variable`);
      const [, variable, first, last] = found;
      published[service] = { variable, count: last ? Number(last) - Number(first) + 1 : 1 };
    }
  }
  return published;
}

/** The services services.json lists (beside the registry, RabbitMQ and Prometheus). */
export function manifestServices(
  root = workspaceRoot,
): Record<string, { database?: boolean; lifecycleManager?: boolean }> {
  return (
    JSON.parse(readFileSync(join(root, 'services.json'), 'utf8')) as {
      services: Record<string, { database?: boolean; lifecycleManager?: boolean }>;
    }
  ).services;
}

/** Everything needed to reach a running stack again, from another process (it is JSON). */
export interface ComposeStackAddress {
  project: string;
  /** The workspace whose docker-compose.yml it is. */
  root: string;
  /** What its images are built as (tools/build/image-version.js) and the tag they get. */
  imageVersion: Record<string, string>;
  envFile: string;
  /** The secret files the containers are given (PSS_SECRETS_DIR). */
  secretsDir: string;
  /** The files services read again while they run (PSS_CONFIG_DIR): a copy of docker/config to change. */
  configDir: string;
  /** Each published service's port (the first of its range). */
  ports: Record<string, number>;
}

export interface ComposeStack {
  readonly address: ComposeStackAddress;
  /** http://127.0.0.1:<port> of a service's published port (fares: its first instance's). */
  url(service: string): string;
  /**
   * http://127.0.0.1:<port> of a running container of `service`: for fares once it was scaled or
   * restarted, when its remaining instance may have any port of its range.
   */
  runningUrl(service: string): Promise<string>;
  /**
   * http://<address>:<port> of a running container of `service` on the stack's network, as another
   * container reaches it: where a benchmark sends its load, which through a published port would
   * measure docker-proxy (a process copying every byte) too.
   */
  networkUrl(service: string): Promise<string>;
  /** `docker compose <args>` on this stack; resolves with its stdout. */
  compose(...args: string[]): Promise<string>;
  /** A running container of `service` (the first, when it is scaled). */
  container(service: string): Promise<Docker.Container>;
  /** `sql` run by the superuser in `<service>-db`, on the service's database; its output lines. */
  sqlAsOperator(service: string, sql: string): Promise<string[]>;
  /**
   * The statuses of GETs of `urls`, one after another, sent from inside a container of `service`:
   * a client with an address of its own on the stack's network (the URLs name services as they
   * know each other, e.g. http://website:8001/).
   */
  statusesFrom(service: string, urls: string[], headers?: Record<string, string>): Promise<number[]>;
  /** Removes the containers, networks and volumes. */
  down(): Promise<void>;
}

export interface ComposeStackOptions {
  /** The compose project's name. */
  project?: string;
  /** The workspace whose docker-compose.yml to start (this one unless said). */
  root?: string;
  /** Only these services and what they depend on (all unless said). */
  services?: string[];
  /** The tag of the images it builds (PSS_IMAGE_TAG); `local`, as compose alone tags them, unless said. */
  imageTag?: string;
}

/**
 * The repository's docker-compose.yml, built and started as `scripts/up.sh` would, under its own
 * project name, on free ports and with an env file and secrets of its own (fresh random passwords), so that it
 * never meets a developer's running stack or .env.
 */
export async function startComposeStack({
  project = SYSTEM_TEST_PROJECT,
  root = workspaceRoot,
  services = [],
  imageTag = 'local',
}: ComposeStackOptions = {}): Promise<ComposeStack> {
  const dir = mkdtempSync(join(tmpdir(), 'pss-compose-'));
  const [envFile, secretsDir, configDir] = [join(dir, '.env'), join(dir, 'secrets'), join(dir, 'config')];
  await promisify(execFile)('bash', [join(root, 'scripts', 'ensure-env-file.sh'), envFile, secretsDir]);
  cpSync(join(root, 'docker', 'config'), configDir, { recursive: true });
  const ports: Record<string, number> = {};
  for (const [service, { count }] of Object.entries(publishedPorts(root)))
    ports[service] = await freePortRange(count);
  const version = { ...(await imageVersion(root)), PSS_IMAGE_TAG: imageTag };
  const stack = composeStack({ project, root, imageVersion: version, envFile, secretsDir, configDir, ports });
  await stack.down();
  try {
    // One image at a time, as scripts/up.sh builds them (Docker 20.10's BuildKit can mix up the
    // Dockerfiles of concurrent builds from one context).
    await stack.compose('--parallel', '1', 'build', ...services);
    await stack.compose('up', '--detach', '--wait', ...services);
  } catch (error) {
    const logs = await stack.compose('logs', '--no-color', '--tail', '40').catch(() => '');
    await stack.down();
    throw new Error(`docker compose up failed: ${String(error)}\n${logs}`);
  }
  return stack;
}

/** A handle on a stack that `startComposeStack` started (possibly in another process). */
export function composeStack(address: ComposeStackAddress): ComposeStack {
  const { project, root, envFile, ports } = address;
  // Built as scripts/up.sh builds them: with their version and commit.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...address.imageVersion,
    PSS_CONFIG_DIR: address.configDir,
    DOCKER_BUILDKIT: '1',
  };
  for (const [service, { variable, count }] of Object.entries(publishedPorts(root))) {
    const first = ports[service];
    env[variable] = count > 1 ? `${first}-${first + count - 1}` : String(first);
  }
  const caBundle = extraCaBundle();
  if (caBundle) env.PSS_EXTRA_CA_FILE = caBundle;
  const compose = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      'docker',
      ['compose', '-p', project, '--env-file', envFile, ...args],
      { cwd: root, env, maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  };
  const container = async (service: string) => {
    const [found] = await docker.listContainers({
      filters: { label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`] },
    });
    if (!found) throw new Error(`no running container of ${service} in ${project}`);
    return docker.getContainer(found.Id);
  };
  return {
    address,
    url: (service) => `http://127.0.0.1:${ports[service]}`,
    async runningUrl(service) {
      const { NetworkSettings } = await (await container(service)).inspect();
      const [published] = Object.values(NetworkSettings.Ports ?? {})
        .flat()
        .filter((binding) => binding?.HostPort);
      if (!published) throw new Error(`${service} publishes no port`);
      return `http://127.0.0.1:${published.HostPort}`;
    },
    async networkUrl(service) {
      const { NetworkSettings } = await (await container(service)).inspect();
      const [port] = Object.keys(NetworkSettings.Ports ?? {}).map((exposed) => exposed.split('/')[0]);
      const address = NetworkSettings.Networks[`${project}_default`]?.IPAddress;
      if (!port || !address) throw new Error(`${service} has no address and port on ${project}_default`);
      return `http://${address}:${port}`;
    },
    compose,
    container,
    async sqlAsOperator(service, sql) {
      const psql = ['psql', '-U', 'postgres', '-d', service, '-v', 'ON_ERROR_STOP=1', '-Atc', sql];
      const { code, output } = await exec(await container(`${service}-db`), psql);
      if (code !== 0) throw new Error(`psql in ${service}-db exited with ${code}: ${output}`);
      return output.split('\n').filter(Boolean);
    },
    async statusesFrom(service, urls, headers = {}) {
      const answers = await fetchInContainer(
        await container(service),
        urls.map((url) => ({ url, headers })),
      );
      return answers.map(({ status }) => status);
    },
    down: async () => void (await compose('down', '--volumes', '--remove-orphans')),
  };
}

/**
 * The first of `count` consecutive ports that are free on 127.0.0.1, below the kernel's ephemeral
 * range. Every `listen(0)`, outgoing connection and Docker port mapping of a parallel suite takes
 * its port from that range: a port found free there was once taken by one of them before compose
 * bound it. Below it, nothing else in a test run takes a port in the meantime.
 */
async function freePortRange(count: number): Promise<number> {
  const below = ephemeralPortsStart();
  for (;;) {
    const first = PUBLISHED_PORTS_FROM + randomInt(below - PUBLISHED_PORTS_FROM - count);
    const range = Array.from({ length: count }, (_, i) => first + i);
    if ((await Promise.all(range.map(isFree))).every(Boolean)) return first;
  }
}

const PUBLISHED_PORTS_FROM = 10_000;

function ephemeralPortsStart(): number {
  try {
    const [start] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Math.max(Number(start), PUBLISHED_PORTS_FROM + 1_000);
  } catch {
    return 32_768;
  }
}

function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
