import { plainToInstance } from 'class-transformer';
import { Allow, IsBoolean, IsIn, IsInt, IsObject, IsPositive, Max, Min, validateSync } from 'class-validator';
import { fieldProblems } from '@pss/platform';

export const METRICS = ['requests-per-second', 'p99-latency-ms'] as const;
export type PolicyMetric = (typeof METRICS)[number];

/** How one service follows its load: off unless `enabled`. */
export class AutoscalingPolicy {
  @IsBoolean() enabled = false;
  @IsInt() @Min(1) minReplicas = 1;
  @IsInt() @Min(1) maxReplicas = 1;
  /**
   * requests-per-second: the requests it answered (probes and scrapes aside), per instance.
   * p99-latency-ms: the 99th percentile of its answers' latency, over all its instances.
   */
  @IsIn(METRICS) metric: PolicyMetric = 'requests-per-second';
  /** The figure per instance the policy keeps it near. */
  @IsPositive() target = 1;
  /** The span the figure is measured over, in seconds (Prometheus scrapes every 5 s). */
  @IsInt() @Min(10) @Max(3_600) windowSeconds = 60;
  /**
   * After a scale, no other for this long; and it scales down only once a lower count has been
   * enough for this long: a load that comes and goes does not make it flap.
   */
  @IsInt() @Min(0) @Max(86_400) coolDownSeconds = 180;
}

/** The file's top level; `services` holds a policy per service name. */
class AutoscalingFile {
  /** How often every enabled policy is evaluated. */
  @IsInt() @Min(1) @Max(3_600) evaluateEverySeconds = 15;
  @IsObject() services: Record<string, unknown> = {};
  /** Notes for the operator: JSON has no comments. */
  @Allow() $comment?: unknown;
}

export interface AutoscalingSettings {
  evaluateEverySeconds: number;
  /** The enabled policies, by service. */
  policies: Map<string, AutoscalingPolicy>;
}

export const NO_AUTOSCALING: AutoscalingSettings = { evaluateEverySeconds: 15, policies: new Map() };

/**
 * The settings in an autoscaling file's text, or the problems that make it unusable, each naming
 * its field (e.g. `services.search.maxReplicas`). No policy may allow more than `maxReplicas`.
 */
export function parseAutoscaling(
  text: string,
  maxReplicas: number,
): { settings: AutoscalingSettings } | { problems: string[] } {
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch (error) {
    return { problems: [`not JSON: ${(error as Error).message}`] };
  }
  if (!isObject(plain)) return { problems: ['the file: must be a JSON object'] };
  const file = plainToInstance(AutoscalingFile, plain, { exposeDefaultValues: true });
  const problems = problemsOf(file, '');
  const policies = new Map<string, AutoscalingPolicy>();
  for (const [service, value] of Object.entries(isObject(file.services) ? file.services : {})) {
    const field = `services.${service}`;
    if (!isObject(value)) {
      problems.push(`${field}: must be an object`);
      continue;
    }
    const policy = plainToInstance(AutoscalingPolicy, value, { exposeDefaultValues: true });
    problems.push(...problemsOf(policy, field));
    if (policy.maxReplicas < policy.minReplicas)
      problems.push(`${field}.maxReplicas: must not be below minReplicas (${policy.minReplicas})`);
    if (policy.maxReplicas > maxReplicas)
      problems.push(`${field}.maxReplicas: must not exceed LIFECYCLE_MAX_REPLICAS (${maxReplicas})`);
    if (policy.enabled) policies.set(service, policy);
  }
  if (problems.length > 0) return { problems };
  return {
    settings: { evaluateEverySeconds: file.evaluateEverySeconds, policies },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problemsOf(value: object, parent: string): string[] {
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  return fieldProblems(errors, parent).map(({ field, detail }) => `${field}: ${detail}`);
}
