import { daysFromToday, eventually } from '@pss/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const policyFile = join(stack.address.configDir, 'autoscaling.json');
const shipped = readFileSync(policyFile, 'utf8');

/** Short spans, so that a load, a scale and a cool-down fit in a test. */
const SEARCH_POLICY = {
  enabled: true,
  minReplicas: 1,
  maxReplicas: 2,
  metric: 'requests-per-second',
  target: 5,
  windowSeconds: 15,
  coolDownSeconds: 15,
};
const seconds = (ms: number) => `${(ms / 1_000).toFixed(1)} s`;
const writePolicies = (file: unknown) => writeFileSync(policyFile, JSON.stringify(file));

interface History {
  policy: typeof SEARCH_POLICY | null;
  decisions: { at: string; action: string; replicas: number; desired: number; reason: string }[];
}

async function history(service: string): Promise<{ status: number; body: History }> {
  const response = await user.asOperator('GET', `${stack.url('lifecycle')}/services/${service}/history`);
  return { status: response.status, body: (await response.json()) as History };
}

const scaled = async (action: string) =>
  (await history('search')).body.decisions.filter((decision) => decision.action === action);

const runningSearch = async () =>
  (await stack.compose('ps', '--quiet', 'search')).trim().split('\n').filter(Boolean);

async function registeredSearch(): Promise<string[]> {
  const instances = await user.instances('discovery-1', 'SEARCH');
  return instances.filter((instance) => instance.status === 'UP').map((instance) => instance.instanceId);
}

describe('lifecycle follows an autoscaling policy read from its file while it runs', () => {
  afterAll(() => writePolicies(JSON.parse(shipped)));

  it('answers 404 for the history of a service it does not scale', async () => {
    const { status } = await history('payments');
    expect(status).toBe(404);
  });

  it('has no policy enabled as shipped, and keeps the policies it has when the file has a mistake', async () => {
    expect((await history('search')).body.policy).toBeNull();
    writePolicies({ services: { search: { ...SEARCH_POLICY, maxReplicas: 'two' } } });
    await eventually(async () => {
      expect(await stack.compose('logs', '--no-color', 'lifecycle')).toMatch(
        /not applied, policies unchanged: services\.search\.maxReplicas/,
      );
    }, 10_000);
    expect((await history('search')).body.policy).toBeNull();
  });

  it('adds a search instance under load, and removes it once the load and a cool-down have passed', async () => {
    writePolicies({ evaluateEverySeconds: 1, services: { search: SEARCH_POLICY } });
    await eventually(
      async () => expect((await history('search')).body.policy).toMatchObject(SEARCH_POLICY),
      10_000,
    );
    expect(await runningSearch()).toHaveLength(1);

    // About 40 searches a second from four passengers: eight times the target of one instance.
    const loadBegan = Date.now();
    let loading = true;
    const failures: unknown[] = [];
    const load = Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        for (let i = lane; loading; i += 4) {
          await user
            .search('NYC', 'SFO', daysFromToday(30 + (i % 60)))
            .catch((error) => failures.push(error));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    try {
      await eventually(async () => expect(await scaled('scale-up')).toHaveLength(1), 60_000);
      await eventually(async () => expect(await registeredSearch()).toHaveLength(2), 90_000);
      expect(await runningSearch()).toHaveLength(2);
    } finally {
      loading = false;
      await load;
    }
    const loadEnded = Date.now();
    expect(failures).toEqual([]);

    await eventually(async () => expect(await scaled('scale-down')).toHaveLength(1), 90_000);
    await eventually(async () => expect(await runningSearch()).toHaveLength(1), 30_000);
    await eventually(async () => expect(await registeredSearch()).toHaveLength(1), 30_000);

    const [down] = await scaled('scale-down');
    const [up] = await scaled('scale-up');
    expect(up).toMatchObject({ replicas: 1, desired: 2 });
    expect(down).toMatchObject({ replicas: 2, desired: 1 });
    // The cool-down, by lifecycle's own clock: nothing scales down within it of the scale up.
    expect(Date.parse(down.at) - Date.parse(up.at)).toBeGreaterThanOrEqual(
      SEARCH_POLICY.coolDownSeconds * 1_000,
    );

    console.log(
      `search autoscaled: up ${seconds(Date.parse(up.at) - loadBegan)} after the load began, two registered ` +
        `UP ${seconds(loadEnded - loadBegan)} after it; down ${seconds(Date.parse(down.at) - loadEnded)} after it ended`,
    );

    const metrics = await (await fetch(`${stack.url('lifecycle')}/metrics`)).text();
    expect(metrics).toMatch(
      /lifecycle_autoscaling_decisions_total\{[^}]*scaled_service="search"[^}]*action="scale-up"[^}]*\} 1\b/,
    );
    expect(metrics).toMatch(
      /lifecycle_autoscaling_decisions_total\{[^}]*scaled_service="search"[^}]*action="scale-down"[^}]*\} 1\b/,
    );
  });
});
