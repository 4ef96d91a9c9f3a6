import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import { Gauge } from 'prom-client';
import { ServiceConfig } from '../config/service-config';
import { MetricsService } from '../metrics/metrics.service';

/**
 * STARTING until the checks first pass (a service still catching up, or whose database is not there
 * yet, has not started: Eureka's STARTING); DOWN when they fail after that; STOPPING from SIGTERM on,
 * whatever the checks say.
 */
export type ReadinessState = 'STARTING' | 'UP' | 'DOWN' | 'STOPPING';
export type ReadinessCheck = () => Promise<HealthIndicatorResult>;
export type ReadinessListener = (state: ReadinessState, previous: ReadinessState) => void;

/**
 * What /health/ready reports. Other modules add checks (database, broker, registry) with
 * `addCheck`, and follow the state with `onChange` (the registry client maps it to UP /
 * OUT_OF_SERVICE / DOWN). Checks also run every READINESS_INTERVAL_MS, so changes are seen
 * even when nobody probes. Each check's last result is on /metrics (`readiness_check_up{check}`):
 * an alert can name what an instance cannot reach.
 */
@Injectable()
export class ReadinessService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Readiness');
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly listeners = new Set<ReadinessListener>();
  private current: ReadinessState = 'STARTING';
  private hasBeenUp = false;
  private timer?: NodeJS.Timeout;
  private readonly checksUp: Gauge<'check'>;

  constructor(
    private readonly health: HealthCheckService,
    private readonly config: ServiceConfig,
    metrics: MetricsService,
  ) {
    this.checksUp = new Gauge({
      name: 'readiness_check_up',
      help: 'Whether each readiness check (database, broker, catchUp, ...) passed when it last ran: 1 or 0',
      labelNames: ['check'] as const,
      registers: [metrics.registry],
    });
  }

  get state(): ReadinessState {
    return this.current;
  }

  /** Whether the checks have passed once: the service has served, whatever its state since. */
  get started(): boolean {
    return this.hasBeenUp;
  }

  addCheck(name: string, check: ReadinessCheck): void {
    this.checks.set(name, async () => {
      const result = await check().catch((error: unknown) => {
        this.checksUp.set({ check: name }, 0);
        throw error;
      });
      this.checksUp.set(
        { check: name },
        Object.values(result).every(({ status }) => status === 'up') ? 1 : 0,
      );
      return result;
    });
  }

  /** Calls `listener` on every change of state; returns a function that stops it. */
  onChange(listener: ReadinessListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs every check; terminus throws a 503 (ServiceUnavailableException) when one is down. */
  async evaluate(): Promise<HealthCheckResult> {
    try {
      const result = await this.health.check([...this.checks.values()]);
      this.transition('UP');
      return result;
    } catch (error) {
      if (this.current !== 'STARTING') this.transition('DOWN');
      throw error;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.evaluate().catch(() => undefined);
    this.timer = setInterval(
      () => void this.evaluate().catch(() => undefined),
      this.config.readinessIntervalMs,
    );
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
    this.transition('STOPPING');
  }

  private transition(next: ReadinessState): void {
    const previous = this.current;
    if (previous === next || previous === 'STOPPING') return;
    this.current = next;
    if (next === 'UP') this.hasBeenUp = true;
    this.logger.log(`readiness ${previous} -> ${next}`);
    for (const listener of this.listeners) listener(next, previous);
  }
}
