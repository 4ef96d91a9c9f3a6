// The whole system under docker compose, images built: the time from `docker compose up` to every
// container healthy, every service registered and every instance scraped by Prometheus, then
// each container's idle memory and the stack's. Budgets: under 30 s to ready, 1.5 GB for the stack.
import { manifestServices, startComposeStack, type ComposeStack } from '../src';
import Docker from 'dockerode';
import { exec, waitUntil } from '@pss/testing';

const IDLE_MS = 30_000;
/** The services of docker-compose.yml that register (services.json; the registry peers do not). */
const SERVICES = Object.keys(manifestServices()).map((name) => name.toUpperCase());
const MIB = 1024 * 1024;
const docker = new Docker();

async function registeredApps(stack: ComposeStack): Promise<string[]> {
  const response = await fetch(`${stack.url('discovery-1')}/eureka/apps`, {
    headers: { accept: 'application/json' },
  });
  const { applications } = (await response.json()) as {
    applications: { application: { name: string; instance: { status: string }[] }[] };
  };
  return applications.application
    .filter((app) => app.instance.some((i) => i.status === 'UP'))
    .map((app) => app.name);
}

/** The apps Prometheus scrapes successfully (it finds them through the registry). */
async function scrapedApps(stack: ComposeStack): Promise<string[]> {
  const response = await fetch(`${stack.url('prometheus')}/api/v1/targets?state=active`);
  const { data } = (await response.json()) as {
    data: { activeTargets: { labels: { app?: string }; health: string }[] };
  };
  const apps = data.activeTargets.flatMap(({ health, labels }) =>
    health === 'up' && labels.app ? [labels.app.toUpperCase()] : [],
  );
  return [...new Set(apps)];
}

/** The services compose builds from this repository (they register), and their containers. */
async function serviceContainers(stack: ComposeStack): Promise<Map<string, Docker.Container>> {
  const lines = (await stack.compose('ps', '--format', '{{.Service}} {{.ID}}')).trim().split('\n');
  return new Map(
    lines.map((line) => line.split(' ')).map(([service, id]) => [service, docker.getContainer(id)]),
  );
}

/** Resident memory of the container's main process (tini's child for the services). */
async function residentMib(container: Docker.Container): Promise<number | undefined> {
  const script =
    'pid=$(cat /proc/1/task/1/children 2>/dev/null | cut -d" " -f1); grep VmRSS /proc/${pid:-1}/status';
  const { output } = await exec(container, ['sh', '-c', script]);
  const kib = Number(/VmRSS:\s+(\d+)/.exec(output)?.[1]);
  return Number.isFinite(kib) ? kib / 1024 : undefined;
}

async function main(): Promise<void> {
  const stack = await startComposeStack();
  try {
    await stack.compose('down', '--volumes');
    const started = Date.now();
    await stack.compose('up', '--detach', '--wait');
    const healthy = Date.now() - started;
    await waitUntil(
      'every service registered',
      async () => (await registeredApps(stack)).length === SERVICES.length,
      60_000,
    );
    const registered = Date.now() - started;
    await waitUntil(
      'every service scraped by Prometheus',
      async () => (await scrapedApps(stack).catch(() => [])).length === SERVICES.length,
      60_000,
    );
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `docker compose up, images built: every container healthy after ${seconds(healthy)}, ` +
        `${SERVICES.join(', ')} registered after ${seconds(registered)}, ` +
        `all scraped by Prometheus after ${seconds(Date.now() - started)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    let total = 0;
    let totalRss = 0;
    console.log(
      `idle for ${IDLE_MS / 1000} s, resident memory of each container's main process (cgroup usage):`,
    );
    for (const [service, container] of await serviceContainers(stack)) {
      const stats = (await container.stats({ stream: false })) as {
        memory_stats: { usage: number; stats?: { cache?: number } };
      };
      const usage = (stats.memory_stats.usage - (stats.memory_stats.stats?.cache ?? 0)) / MIB;
      total += usage;
      const rss = await residentMib(container);
      totalRss += rss ?? 0;
      console.log(
        `  ${service}: ${rss === undefined ? '-' : `${rss.toFixed(1)} MiB`} (${usage.toFixed(1)} MiB)`,
      );
    }
    console.log(
      `the whole stack: ${total.toFixed(0)} MiB of cgroup usage, ${totalRss.toFixed(0)} MiB as the sum of the main processes' RSS`,
    );
  } finally {
    await stack.down();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
