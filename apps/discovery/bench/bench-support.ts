import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');

/**
 * scripts/bench.sh loads TypeScript with @swc-node/register and no tsconfig, so decorators do not
 * compile in the bench file itself: code that needs NestJS runs in a worker started with one.
 */
export function runWorker(worker: string): void {
  const result = spawnSync(
    process.execPath,
    ['--require', '@swc-node/register', join(__dirname, 'workers', worker)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'apps/discovery/tsconfig.json') },
    },
  );
  process.exit(result.status ?? 1);
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface Child {
  port: number;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not come up`);
}

/** A repository entry point (TypeScript) as its own process on 127.0.0.1. */
export async function startChild(
  entry: string,
  project: string,
  env: Record<string, string>,
): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--require', '@swc-node/register', join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: join(ROOT, project),
      LOG_LEVEL: 'warn',
      INSTANCE_HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHttp(`http://127.0.0.1:${port}/health/live`, child);
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return { port, child, kill };
}

export const startRegistry = (env: Record<string, string> = {}) =>
  startChild('apps/discovery/src/main.ts', 'apps/discovery/tsconfig.json', env);

export const startTiny = (registryPort: number, env: Record<string, string> = {}) =>
  startChild('libs/discovery/src/test/tiny-service.ts', 'libs/discovery/tsconfig.json', {
    DISCOVERY_URLS: `http://127.0.0.1:${registryPort}/eureka/`,
    ...env,
  });

/** CPU seconds (user + system) a process has used, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export function machine(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0]} ms, median ${at(0.5)} ms, max ${sorted[sorted.length - 1]} ms (n=${sorted.length})`;
}
