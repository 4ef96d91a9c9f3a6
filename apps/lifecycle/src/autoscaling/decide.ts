import type { AutoscalingPolicy } from './autoscaling-policy';

/** Within this fraction of the target, the count is right: no scale for a small wobble. */
export const TOLERANCE = 0.1;

/** What the policy wanted at one evaluation. */
export interface Recommendation {
  at: number;
  replicas: number;
}

export interface DecisionInput {
  policy: AutoscalingPolicy;
  /** The replicas it runs now. */
  replicas: number;
  /** The policy's metric over the whole service; undefined when Prometheus gave none. */
  observed: number | undefined;
  now: number;
  /** When its last scale ended; undefined when there was none. */
  lastScaledAt: number | undefined;
  /** Since when the policy has watched the service (lifecycle's start, or the policy's). */
  watchingSince: number;
  /** Earlier recommendations, oldest first. */
  recommendations: readonly Recommendation[];
}

export type Action = 'scale-up' | 'scale-down' | 'hold';

/**
 * Why it holds: no figure, the count is right, a scale ended recently, a lower count must last, or
 * an operator's scale of the service is under way.
 */
export type HoldKind = 'no-figure' | 'on-target' | 'cooling-down' | 'steadying' | 'being-scaled';

export interface Decision {
  action: Action;
  hold?: HoldKind;
  replicas: number;
  /** The count it scales to (the current count when it holds). */
  desired: number;
  /** The metric per instance (the service's p99 for a latency policy). */
  perInstance?: number;
  reason: string;
}

/**
 * One evaluation of a policy. Up as soon as the load asks for more (unless a scale ended less than
 * a cool-down ago); down only to the highest count recommended over the last cool-down, and only
 * after a cool-down of watching and since the last scale: a load that comes and goes keeps the
 * instances it needed at its peak instead of flapping.
 */
export function decide(input: DecisionInput): { decision: Decision; recommendation?: Recommendation } {
  const { policy, replicas, observed, now } = input;
  if (observed === undefined || !Number.isFinite(observed))
    return {
      decision: {
        action: 'hold',
        hold: 'no-figure',
        replicas,
        desired: replicas,
        reason: 'no figure from Prometheus',
      },
    };

  const perInstance = policy.metric === 'requests-per-second' ? observed / Math.max(replicas, 1) : observed;
  const ratio = perInstance / policy.target;
  const wanted = Math.abs(ratio - 1) <= TOLERANCE ? replicas : Math.ceil(Math.max(replicas, 1) * ratio);
  const recommendation = { at: now, replicas: clamp(wanted, policy.minReplicas, policy.maxReplicas) };
  const figure = `${round(perInstance)} ${unit(policy)} per instance, target ${policy.target}`;
  const decision = (action: Action, desired: number, hold?: HoldKind, why = ''): Decision => ({
    action,
    ...(hold && { hold }),
    replicas,
    desired,
    perInstance,
    reason: why ? `${figure}: ${why}` : figure,
  });
  const coolDownMs = policy.coolDownSeconds * 1_000;
  const sinceScale = input.lastScaledAt === undefined ? Infinity : now - input.lastScaledAt;

  if (recommendation.replicas > replicas) {
    if (sinceScale < coolDownMs)
      return {
        decision: decision(
          'hold',
          replicas,
          'cooling-down',
          `${recommendation.replicas} wanted, cooling down (last scale ${seconds(sinceScale)} ago)`,
        ),
        recommendation,
      };
    return { decision: decision('scale-up', recommendation.replicas), recommendation };
  }
  const recent = input.recommendations.filter((earlier) => earlier.at > now - coolDownMs);
  const stable = Math.max(recommendation.replicas, ...recent.map((earlier) => earlier.replicas));
  if (stable < replicas) {
    if (Math.min(sinceScale, now - input.watchingSince) < coolDownMs)
      return {
        decision: decision(
          'hold',
          replicas,
          'steadying',
          `${stable} would do, waiting out a cool-down first`,
        ),
        recommendation,
      };
    return { decision: decision('scale-down', stable), recommendation };
  }
  return { decision: decision('hold', replicas, 'on-target'), recommendation };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number) => Math.round(value * 10) / 10;
const seconds = (ms: number) => `${Math.round(ms / 1_000)} s`;
const unit = (policy: AutoscalingPolicy) =>
  policy.metric === 'requests-per-second' ? 'requests/s' : 'ms p99';
