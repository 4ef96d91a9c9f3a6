import { daysFromToday, eventually } from '@pss/testing';
import type { Booked } from './pss-user';
import { PssUser } from './pss-user';
import { systemStack } from './system-stack';

const stack = systemStack();
const user = new PssUser(stack);
const BF105 = { flightNumber: 'BF105', origin: 'NYC' };

interface Step {
  step: string;
  container?: string;
  detail: string;
}

/** Asks lifecycle to scale `service`; resolves with the steps it streamed. */
async function scale(
  service: string,
  replicas: unknown,
): Promise<{ status: number; steps: Step[]; text: string }> {
  const response = await user.asOperator('POST', `${stack.url('lifecycle')}/services/${service}/scale`, {
    replicas,
  });
  const text = await response.text();
  const steps = response.ok
    ? text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Step)
    : [];
  return { status: response.status, steps, text };
}

const runningFares = async () =>
  (await stack.compose('ps', '--quiet', 'fares')).trim().split('\n').filter(Boolean);

async function expectFaresUp(count: number): Promise<void> {
  for (const registry of ['discovery-1', 'discovery-2'] as const) {
    const statuses = (await user.instances(registry, 'FARES')).map((instance) => instance.status);
    expect(statuses).toEqual(new Array(count).fill('UP'));
  }
}

describe('lifecycle scales a service through the Docker API', () => {
  it('refuses an unknown service, a wrong count and a caller without the operator account, changing nothing', async () => {
    const before = await runningFares();
    const unknown = await scale('payments', 2);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ status: 404, errors: [{ field: 'name' }] });
    for (const replicas of [6, -1, 'three']) {
      const wrong = await scale('fares', replicas);
      expect(wrong.status).toBe(400);
      expect(JSON.parse(wrong.text)).toMatchObject({ errors: [{ field: 'replicas' }] });
    }
    const anonymous = await fetch(`${stack.url('lifecycle')}/services/fares/scale`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replicas: 2 }),
    });
    expect(anonymous.status).toBe(401);
    expect(await runningFares()).toEqual(before);
  });

  it('scales fares from 1 to 3: three healthy instances registered UP, listed by docker compose ps', async () => {
    expect(await runningFares()).toHaveLength(1);
    const { status, steps } = await scale('fares', 3);
    expect(steps.at(-1)).toMatchObject({ step: 'done' });
    expect(status).toBe(200);
    expect(steps.filter((step) => step.step === 'registered')).toHaveLength(2);
    await expectFaresUp(3);
    const listed = JSON.parse(
      `[${(await stack.compose('ps', '--format', 'json', 'fares')).trim().split('\n').join(',')}]`,
    ) as { Health: string }[];
    expect(listed.flat().map((container) => container.Health)).toEqual(['healthy', 'healthy', 'healthy']);

    const overview = (await (await user.asOperator('GET', `${stack.url('lifecycle')}/services`)).json()) as {
      services: { name: string; containers: { instanceIds: string[] }[]; drift: unknown[] }[];
    };
    const fares = overview.services.find((service) => service.name === 'fares');
    expect(fares?.containers.map((container) => container.instanceIds.length)).toEqual([1, 1, 1]);
    expect(fares?.drift).toEqual([]);
  });

  it('scales fares back to 1 while bookings go on at a steady rate, and fails none', async () => {
    const [fare] = (await user.search('NYC', 'SFO', daysFromToday(110)))
      .filter((flight) => flight.flightNumber === BF105.flightNumber)
      .map((flight) => flight.fare);
    const results: Booked[] = [];
    let scaling = true;
    // Two passengers at a time, each booking on a date of its own so that booking asks fares.
    const load = Promise.all(
      [0, 1].map(async (lane) => {
        for (let i = lane; scaling; i += 2)
          results.push(await user.book(BF105, daysFromToday(110 + (i % 60)), 1, fare));
      }),
    );
    const { status, steps } = await scale('fares', 1).finally(() => (scaling = false));
    await load;

    expect(steps.at(-1)).toMatchObject({ step: 'done' });
    expect(status).toBe(200);
    expect(steps.map((step) => step.step)).toEqual(
      expect.arrayContaining(['out-of-service', 'drained', 'removed', 'done']),
    );
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((result) => result.status !== 201)).toEqual([]);
    expect(await runningFares()).toHaveLength(1);
    await eventually(() => expectFaresUp(1), 10_000);
  });
});
