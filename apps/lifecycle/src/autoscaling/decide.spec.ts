import { plainToInstance } from 'class-transformer';
import { AutoscalingPolicy } from './autoscaling-policy';
import { decide, type Decision, type Recommendation } from './decide';

const policy = (overrides: Partial<AutoscalingPolicy> = {}) =>
  plainToInstance(AutoscalingPolicy, {
    enabled: true,
    minReplicas: 1,
    maxReplicas: 4,
    metric: 'requests-per-second',
    target: 50,
    coolDownSeconds: 60,
    ...overrides,
  });

const START = 1_000_000;
const once = (replicas: number, observed: number | undefined, overrides: Partial<AutoscalingPolicy> = {}) =>
  decide({
    policy: policy(overrides),
    replicas,
    observed,
    now: START + 600_000,
    lastScaledAt: undefined,
    watchingSince: START,
    recommendations: [],
  }).decision;

/** Evaluates every 10 s under `load(t)` (requests/s at t seconds), doing what it decides. */
function simulate(
  load: (seconds: number) => number,
  seconds: number,
  overrides: Partial<AutoscalingPolicy> = {},
) {
  let replicas = 1;
  let lastScaledAt: number | undefined;
  let recommendations: Recommendation[] = [];
  const actions: (Decision & { second: number })[] = [];
  for (let second = 0; second <= seconds; second += 10) {
    const now = START + second * 1_000;
    const { decision, recommendation } = decide({
      policy: policy(overrides),
      replicas,
      observed: load(second),
      now,
      lastScaledAt,
      watchingSince: START,
      recommendations,
    });
    if (recommendation) recommendations = [...recommendations, recommendation];
    if (decision.action !== 'hold') {
      actions.push({ ...decision, second });
      replicas = decision.desired;
      lastScaledAt = now;
    }
  }
  return { actions, replicas };
}

describe('an autoscaling decision', () => {
  it('changes nothing without a figure from Prometheus', () => {
    expect(once(2, undefined)).toMatchObject({ action: 'hold', desired: 2 });
    expect(once(2, NaN)).toMatchObject({ action: 'hold', desired: 2 });
  });

  it('asks for as many instances as the load needs at the target per instance, within min and max', () => {
    expect(once(1, 120)).toMatchObject({ action: 'scale-up', desired: 3, perInstance: 120 });
    expect(once(1, 1_000)).toMatchObject({ action: 'scale-up', desired: 4 });
    expect(once(3, 0)).toMatchObject({ action: 'scale-down', desired: 1 });
    expect(once(0, 0)).toMatchObject({ action: 'scale-up', desired: 1 });
  });

  it('holds within a tenth of the target', () => {
    expect(once(2, 109)).toMatchObject({ action: 'hold', desired: 2 });
    expect(once(2, 91)).toMatchObject({ action: 'hold', desired: 2 });
  });

  it('reads a latency target as the service p99, scaling in proportion', () => {
    const latency = { metric: 'p99-latency-ms' as const, target: 100 };
    expect(once(2, 250, latency)).toMatchObject({ action: 'scale-up', desired: 4, perInstance: 250 });
    expect(once(4, 40, latency)).toMatchObject({ action: 'scale-down', desired: 2 });
  });

  it('does not scale again within a cool-down of the last scale', () => {
    const input = {
      policy: policy(),
      replicas: 2,
      observed: 400,
      now: START + 600_000,
      watchingSince: START,
      recommendations: [],
    };
    expect(decide({ ...input, lastScaledAt: input.now - 59_000 }).decision).toMatchObject({ action: 'hold' });
    expect(decide({ ...input, lastScaledAt: input.now - 60_000 }).decision).toMatchObject({
      action: 'scale-up',
      desired: 4,
    });
  });

  it('does not scale down before it has watched for a cool-down', () => {
    const now = START + 30_000;
    const input = {
      policy: policy(),
      replicas: 3,
      observed: 0,
      now,
      lastScaledAt: undefined,
      recommendations: [],
    };
    expect(decide({ ...input, watchingSince: START }).decision).toMatchObject({ action: 'hold', desired: 3 });
    expect(decide({ ...input, watchingSince: now - 60_000 }).decision).toMatchObject({
      action: 'scale-down',
    });
  });

  it('keeps the instances a load that comes and goes needs at its peaks: no flapping', () => {
    // 120 requests/s for 10 s, then none for 40 s, over and over for 20 minutes.
    const { actions, replicas } = simulate((second) => (second % 50 === 0 ? 120 : 0), 1_200);
    expect(actions).toEqual([expect.objectContaining({ action: 'scale-up', desired: 3, second: 0 })]);
    expect(replicas).toBe(3);
  });

  it('scales up with a load and down once, a cool-down after it ends', () => {
    const { actions } = simulate((second) => (second >= 100 && second < 300 ? 180 : 10), 600);
    expect(actions.map(({ action, desired, second }) => ({ action, desired, second }))).toEqual([
      { action: 'scale-up', desired: 4, second: 100 },
      { action: 'scale-down', desired: 1, second: 350 },
    ]);
  });
});
