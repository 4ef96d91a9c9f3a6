import { spawnSync } from 'node:child_process';
import { startServiceProcess, TEST_REGISTRY_ENV, withRegistryCredentials } from '@pss/testing';
import { readFileSync } from 'node:fs';
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

export { freePort, type RunningProcess as Child } from '@pss/testing';

export const startRegistry = (env: Record<string, string> = {}) =>
  startServiceProcess('apps/discovery/src/main.ts', 'apps/discovery/tsconfig.json', {
    INSTANCE_HOST: '127.0.0.1',
    ...TEST_REGISTRY_ENV,
    ...env,
  });

/** The registry's port, as a service lists it in DISCOVERY_URLS (with its own account). */
export const discoveryUrl = (registryPort: number, account: string): string =>
  withRegistryCredentials(`http://127.0.0.1:${registryPort}/eureka/`, account);

export const startTiny = (registryPort: number, env: Record<string, string> = {}) =>
  startServiceProcess('libs/registry-client/test/tiny-service.ts', 'libs/registry-client/tsconfig.json', {
    DISCOVERY_URLS: discoveryUrl(registryPort, 'tiny'),
    INSTANCE_HOST: '127.0.0.1',
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
