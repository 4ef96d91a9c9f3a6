import {
  CircuitBreakerPolicy,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleAll,
} from 'cockatiel';
import type { EurekaInstance } from '../eureka/eureka-js-client.types';

export interface BreakerOptions {
  /** Consecutive failures that open an instance's circuit. */
  failuresToOpen: number;
  /** First wait before one probe call may go to an open instance (then doubling, up to 4 x). */
  halfOpenAfterMs: number;
}

export const instanceKey = (instance: EurekaInstance): string =>
  `${instance.app}/${instance.instanceId ?? instance.hostName}@${instance.ipAddr}:${instance.port.$}`;

/**
 * Round-robin over a service's instances, with one circuit breaker per instance. An open
 * circuit refuses at once (no network), so a dead instance costs callers nothing; its first
 * probe comes after the registry has dropped it (lease 15 s + eviction + fetch < 20 s).
 */
export class InstanceBalancer {
  private next = 0;
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(private readonly options: BreakerOptions) {}

  /** Every instance once, starting with the next in turn. */
  rotation(instances: EurekaInstance[]): EurekaInstance[] {
    this.forgetGone(instances);
    if (instances.length === 0) return [];
    const start = this.next++ % instances.length;
    return [...instances.slice(start), ...instances.slice(0, start)];
  }

  breakerFor(instance: EurekaInstance): CircuitBreakerPolicy {
    const key = instanceKey(instance);
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = circuitBreaker(handleAll, {
        halfOpenAfter: new ExponentialBackoff({
          initialDelay: this.options.halfOpenAfterMs,
          maxDelay: 30_000,
        }),
        breaker: new ConsecutiveBreaker(this.options.failuresToOpen),
      });
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  private forgetGone(instances: EurekaInstance[]): void {
    if (this.breakers.size <= instances.length) return;
    const current = new Set(instances.map(instanceKey));
    for (const key of this.breakers.keys()) if (!current.has(key)) this.breakers.delete(key);
  }
}
