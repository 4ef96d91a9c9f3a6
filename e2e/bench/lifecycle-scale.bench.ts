// Scaling fares on the composed stack, images present, while passengers look up fares through the
// website's edge (which picks an UP fares instance from the registry for each): through lifecycle,
// the time from a scale-up request to the new instance answering its first caller (target: under
// 10 s) and from a scale-down request to its container gone, with the look-ups that failed
// (target: none). Beside it, in the same run, the floor: `docker compose up --scale` of the same
// service, timed the same way (no registry check, no drain).
import { daysFromToday, docker, exec, waitUntil } from '@pss/testing';
import { startComposeStack, type ComposeStack } from '../src';
import { PssUser } from '../test/system/pss-user';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// Run in the container: the requests it answered, probes and scrapes aside.
const SERVED = `fetch('http://localhost:8080/metrics').then((r) => r.text()).then((text) => console.log(
  text.split('\\n').filter((l) => l.startsWith('http_requests_total{') && !/route="\\/(health|metrics|info)/.test(l))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0)))`;

interface Round {
  /** From the request to the new instance answering its first caller. */
  upMs: number;
  /** From the request to the removed container gone. */
  downMs: number;
  /** The answers other than 200 while it scaled up, then down, by status (0: no answer). */
  failedUp: Record<number, number>;
  failedDown: Record<number, number>;
}

const lookup = (i: number) => `flightNumber=BF105&flightDate=${daysFromToday(1 + (i % 30))}`;

/** Passengers looking up a fare through the edge, on two lanes, one after another, until stopped. */
function fareLookups(stack: ComposeStack) {
  const statuses: number[] = [];
  let running = true;
  const lanes = Promise.all(
    [0, 1].map(async (lane) => {
      for (let i = lane; running; i += 2) {
        const status = await fetch(`${stack.url('website')}/api/fares/fares?${lookup(i)}`).then(
          (response) => response.arrayBuffer().then(() => response.status),
          () => 0,
        );
        statuses.push(status);
      }
    }),
  );
  return {
    failedSince: (from: number) => {
      const failed: Record<number, number> = {};
      for (const status of statuses.slice(from))
        if (status !== 200) failed[status] = (failed[status] ?? 0) + 1;
      return failed;
    },
    count: () => statuses.length,
    stop: async () => {
      running = false;
      await lanes;
    },
  };
}

const fares = async (stack: ComposeStack) =>
  (await stack.compose('ps', '--quiet', 'fares')).trim().split('\n').filter(Boolean);

/** Resolves once `container` has answered a request that is not a probe or a scrape. */
async function untilServing(container: string): Promise<void> {
  await waitUntil(
    `${container} answers a caller`,
    async () => Number((await exec(docker.getContainer(container), ['node', '-e', SERVED])).stdout) > 0,
    60_000,
  );
}

type Load = ReturnType<typeof fareLookups>;

async function throughLifecycle(stack: ComposeStack, user: PssUser, load: Load): Promise<Round> {
  const scale = async (replicas: number) => {
    const response = await user.asOperator('POST', `${stack.url('lifecycle')}/services/fares/scale`, {
      replicas,
    });
    const steps = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { step: string; container?: string; detail: string });
    if (steps.at(-1)?.step !== 'done')
      throw new Error(`scale to ${replicas} failed: ${JSON.stringify(steps.at(-1))}`);
    return steps;
  };
  const up = Date.now();
  const fromUp = load.count();
  const created = (await scale(2)).find((step) => step.step === 'created')?.container;
  if (!created) throw new Error('the scale up created no container');
  await untilServing(created);
  const upMs = Date.now() - up;
  const failedUp = load.failedSince(fromUp);
  const down = Date.now();
  const fromDown = load.count();
  await scale(1);
  return { upMs, downMs: Date.now() - down, failedUp, failedDown: load.failedSince(fromDown) };
}

async function throughCompose(stack: ComposeStack, load: Load): Promise<Round> {
  const before = new Set(await fares(stack));
  const up = Date.now();
  const fromUp = load.count();
  await stack.compose(
    'up',
    '--detach',
    '--no-deps',
    '--no-recreate',
    '--scale',
    'fares=2',
    '--wait',
    'fares',
  );
  const [added] = (await fares(stack)).filter((id) => !before.has(id));
  await untilServing(added);
  const upMs = Date.now() - up;
  const failedUp = load.failedSince(fromUp);
  const down = Date.now();
  const fromDown = load.count();
  await stack.compose('up', '--detach', '--no-deps', '--no-recreate', '--scale', 'fares=1', 'fares');
  return { upMs, downMs: Date.now() - down, failedUp, failedDown: load.failedSince(fromDown) };
}

/** e.g. `0`, or `12 (503: 10, 0: 2)`. */
function failures(perRound: Record<number, number>[]): string {
  const total: Record<number, number> = {};
  for (const round of perRound)
    for (const [status, n] of Object.entries(round)) total[Number(status)] = (total[Number(status)] ?? 0) + n;
  const sum = Object.values(total).reduce((a, b) => a + b, 0);
  return sum === 0
    ? '0'
    : `${sum} (${Object.entries(total)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')})`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;

function report(name: string, rounds: Round[]): void {
  console.log(
    `${name.padEnd(30)} up to serving ${seconds(median(rounds.map((r) => r.upMs)))} median ` +
      `(${rounds.map((r) => seconds(r.upMs)).join(', ')}), down to gone ${seconds(median(rounds.map((r) => r.downMs)))} ` +
      `median; failed look-ups while scaling up ${failures(rounds.map((r) => r.failedUp))}, down ${failures(rounds.map((r) => r.failedDown))}`,
  );
}

async function main(): Promise<void> {
  const stack = await startComposeStack({ project: 'pss-bench-lifecycle' });
  try {
    const user = new PssUser(stack);
    // Fares is up, and UP in the registry, once it has caught up with the schedule: a while after
    // its container is healthy. Measuring starts once the edge finds it.
    await waitUntil(
      'the edge to answer a fare look-up',
      async () => (await fetch(`${stack.url('website')}/api/fares/fares?${lookup(1)}`)).status === 200,
      120_000,
    );
    const load = fareLookups(stack);
    const measured = { lifecycle: [] as Round[], compose: [] as Round[] };
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [name, run] of [
          ['lifecycle', () => throughLifecycle(stack, user, load)],
          ['compose', () => throughCompose(stack, load)],
        ] as const) {
          measured[name].push(await run());
        }
      }
    } finally {
      await load.stop();
    }
    console.log(
      `fares 1 → 2 → 1, ${ROUNDS} rounds, ${load.count()} fare look-ups through the edge meanwhile:`,
    );
    report('lifecycle (target up < 10 s)', measured.lifecycle);
    report('docker compose --scale (floor)', measured.compose);
  } finally {
    await stack.down();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
