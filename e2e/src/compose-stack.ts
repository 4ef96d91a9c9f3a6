import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker, exec, extraCaBundle, workspaceRoot, freePort } from '@pss/testing';
import type Docker from 'dockerode';

/** The compose project the system tests use; .ci/run removes it if a crashed run left it behind. */
export const SYSTEM_TEST_PROJECT = 'pss-system-test';

/** The compose services with a published port, and the variable that moves it (.env.example). */
const PUBLISHED = {
  'discovery-1': 'PSS_DISCOVERY_1_PORT',
  'discovery-2': 'PSS_DISCOVERY_2_PORT',
  search: 'PSS_SEARCH_PORT',
  booking: 'PSS_BOOKING_PORT',
  checkin: 'PSS_CHECKIN_PORT',
  prometheus: 'PSS_PROMETHEUS_PORT',
} as const;
/** fares publishes a range: one port per instance of `--scale fares=N`. */
const FARES_PORTS = 3;

export type PublishedService = keyof typeof PUBLISHED | 'fares';

/** Everything needed to reach a running stack again, from another process (it is JSON). */
export interface ComposeStackAddress {
  project: string;
  envFile: string;
  /** The secret files the containers are given (PSS_SECRETS_DIR). */
  secretsDir: string;
  ports: Record<PublishedService, number>;
}

export interface ComposeStack {
  readonly address: ComposeStackAddress;
  /** http://127.0.0.1:<port> of a service's published port (fares: its first instance's). */
  url(service: PublishedService): string;
  /**
   * http://127.0.0.1:<port> of a running container of `service`: for fares once it was scaled or
   * restarted, when its remaining instance may have any port of its range.
   */
  runningUrl(service: PublishedService): Promise<string>;
  /** `docker compose <args>` on this stack; resolves with its stdout. */
  compose(...args: string[]): Promise<string>;
  /** A running container of `service` (the first, when it is scaled). */
  container(service: string): Promise<Docker.Container>;
  /** `sql` run by the superuser in `<service>-db`, on the service's database; its output lines. */
  sqlAsOperator(service: string, sql: string): Promise<string[]>;
  /** Removes the containers, networks and volumes. */
  down(): Promise<void>;
}

/**
 * The repository's docker-compose.yml, built and started as `scripts/up.sh` would, under its own
 * project name, on free ports and with an env file and secrets of its own (fresh random passwords), so that it
 * never meets a developer's running stack or .env.
 */
export async function startComposeStack(project = SYSTEM_TEST_PROJECT): Promise<ComposeStack> {
  const dir = mkdtempSync(join(tmpdir(), 'pss-compose-'));
  const [envFile, secretsDir] = [join(dir, '.env'), join(dir, 'secrets')];
  await promisify(execFile)('bash', [
    join(workspaceRoot, 'scripts', 'ensure-env-file.sh'),
    envFile,
    secretsDir,
  ]);
  const ports = { fares: await freePortRange(FARES_PORTS) } as Record<PublishedService, number>;
  for (const service of Object.keys(PUBLISHED)) ports[service as keyof typeof PUBLISHED] = await freePort();
  const stack = composeStack({ project, envFile, secretsDir, ports });
  await stack.down();
  try {
    // One image at a time, as scripts/up.sh builds them (Docker 20.10's BuildKit can mix up the
    // Dockerfiles of concurrent builds from one context).
    await stack.compose('--parallel', '1', 'build');
    await stack.compose('up', '--detach', '--wait');
  } catch (error) {
    const logs = await stack.compose('logs', '--no-color', '--tail', '40').catch(() => '');
    await stack.down();
    throw new Error(`docker compose up failed: ${String(error)}\n${logs}`);
  }
  return stack;
}

/** A handle on a stack that `startComposeStack` started (possibly in another process). */
export function composeStack(address: ComposeStackAddress): ComposeStack {
  const { project, envFile, ports } = address;
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_BUILDKIT: '1', LOG_LEVEL: 'warn' };
  for (const [service, variable] of Object.entries(PUBLISHED))
    env[variable] = String(ports[service as PublishedService]);
  env.PSS_FARES_PORTS = `${ports.fares}-${ports.fares + FARES_PORTS - 1}`;
  const caBundle = extraCaBundle();
  if (caBundle) env.PSS_EXTRA_CA_FILE = caBundle;
  const compose = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      'docker',
      ['compose', '-p', project, '--env-file', envFile, ...args],
      { cwd: workspaceRoot, env, maxBuffer: 64 * 1024 * 1024 },
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
    compose,
    container,
    async sqlAsOperator(service, sql) {
      const psql = ['psql', '-U', 'postgres', '-d', service, '-v', 'ON_ERROR_STOP=1', '-Atc', sql];
      const { code, output } = await exec(await container(`${service}-db`), psql);
      if (code !== 0) throw new Error(`psql in ${service}-db exited with ${code}: ${output}`);
      return output.split('\n').filter(Boolean);
    },
    down: async () => void (await compose('down', '--volumes', '--remove-orphans')),
  };
}

/** The first of `count` consecutive ports that are free on 127.0.0.1. */
async function freePortRange(count: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    if (first + count > 65536) continue;
    const rest = Array.from({ length: count - 1 }, (_, i) => first + 1 + i);
    if ((await Promise.all(rest.map(isFree))).every(Boolean)) return first;
  }
}

function isFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
