import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MetricsService, ServiceConfig } from '@pss/platform';
import { Counter, Gauge } from 'prom-client';
import { BACKEND, type Backend } from '../backend/backend';
import { Scaler } from '../scaling/scaler.service';
import type { AutoscalingPolicy } from './autoscaling-policy';
import { AutoscalingSettingsFile } from './autoscaling-settings';
import { decide, type Recommendation } from './decide';
import { DecisionHistory } from './decision-history';
import { PrometheusFigures } from './prometheus-figures';

interface Watch {
  policy: AutoscalingPolicy;
  since: number;
  lastScaledAt?: number;
  recommendations: Recommendation[];
}

/**
 * Evaluates every enabled policy each `evaluateEverySeconds` (the file's) and scales the service
 * through the Scaler as an operator would. A service being scaled (by an operator too) is left
 * alone until that scale ends. Serving only: a one-shot CLI command never scales on its own.
 */
@Injectable()
export class Autoscaler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Autoscaling');
  private readonly watches = new Map<string, Watch>();
  private readonly scaling = new Set<string>();
  /** Policies for services it does not scale, reported once each. */
  private readonly misnamed = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly decisions: Counter<'scaled_service' | 'action'>;
  private readonly desired: Gauge<'scaled_service'>;
  private readonly perInstance: Gauge<'scaled_service'>;

  constructor(
    private readonly settings: AutoscalingSettingsFile,
    private readonly figures: PrometheusFigures,
    private readonly scaler: Scaler,
    @Inject(BACKEND) private readonly backend: Backend,
    private readonly history: DecisionHistory,
    private readonly config: ServiceConfig,
    metrics: MetricsService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {
    const registers = [metrics.registry];
    this.decisions = new Counter({
      name: 'lifecycle_autoscaling_decisions_total',
      help: 'Autoscaling evaluations, by service and what they decided (scale-up, scale-down, hold)',
      labelNames: ['scaled_service', 'action'],
      registers,
    });
    this.desired = new Gauge({
      name: 'lifecycle_autoscaling_desired_replicas',
      help: 'The replicas the last evaluation of its policy wanted, by service',
      labelNames: ['scaled_service'],
      registers,
    });
    this.perInstance = new Gauge({
      name: 'lifecycle_autoscaling_figure_per_instance',
      help: 'The figure its policy follows at the last evaluation (requests/s per instance, or the p99 in ms)',
      labelNames: ['scaled_service'],
      registers,
    });
  }

  onApplicationBootstrap(): void {
    if (this.adapterHost?.httpAdapter?.getHttpServer()) this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.evaluateAll().finally(() => {
        if (this.timer) this.schedule();
      });
    }, this.settings.current.evaluateEverySeconds * 1_000);
  }

  /** One round: every enabled policy whose service is not being scaled. */
  async evaluateAll(): Promise<void> {
    const { policies } = this.settings.current;
    for (const service of this.watches.keys()) if (!policies.has(service)) this.watches.delete(service);
    if (policies.size === 0) return;
    let replicas: Map<string, unknown[]>;
    try {
      replicas = await this.backend.replicas();
    } catch (error) {
      this.logger.warn(`cannot list the replicas, no policy evaluated: ${(error as Error).message}`);
      return;
    }
    for (const [service, policy] of policies) {
      const running = service === this.config.serviceName ? undefined : replicas.get(service);
      if (!running) {
        if (!this.misnamed.has(service))
          this.logger.warn(`a policy names ${service}, which is not a service it scales`);
        this.misnamed.add(service);
        continue;
      }
      if (!this.scaling.has(service)) await this.evaluate(service, policy, running.length);
    }
  }

  private async evaluate(service: string, policy: AutoscalingPolicy, replicas: number): Promise<void> {
    const now = Date.now();
    const watch = this.watchOf(service, policy, now);
    let observed: number | undefined;
    let problem = '';
    try {
      observed = await this.figures.figure(service, policy);
    } catch (error) {
      problem = `: ${(error as Error).message}`;
    }
    const decided = decide({
      policy,
      replicas,
      observed,
      now,
      lastScaledAt: watch.lastScaledAt,
      watchingSince: watch.since,
      recommendations: watch.recommendations,
    });
    const { recommendation } = decided;
    let { decision } = decided;
    const cutoff = now - policy.coolDownSeconds * 1_000;
    watch.recommendations = [...watch.recommendations.filter((earlier) => earlier.at > cutoff)];
    if (recommendation) watch.recommendations.push(recommendation);

    let reason = decision.reason + problem;
    if (decision.action !== 'hold' && !this.claim(service)) {
      reason += ': being scaled by someone else, left alone';
      decision = { ...decision, action: 'hold', hold: 'being-scaled', desired: replicas };
    }
    this.history.record({ ...decision, reason, at: new Date(now).toISOString(), service, observed });
    this.decisions.inc({ scaled_service: service, action: decision.action });
    this.desired.set({ scaled_service: service }, decision.desired);
    if (decision.perInstance !== undefined)
      this.perInstance.set({ scaled_service: service }, decision.perInstance);
    if (decision.action === 'hold') {
      if (decision.hold === 'no-figure') this.logger.warn(`${service}: ${reason}`);
      else this.logger.debug(`${service}: holds at ${replicas} (${reason})`);
      return;
    }
    this.logger.log(`${service}: ${decision.action} ${replicas} → ${decision.desired} (${reason})`);
    this.startScale(service, decision.desired, watch);
  }

  /** Takes the service's turn at the Scaler; false while an operator's scale of it goes on. */
  private claim(service: string): boolean {
    try {
      this.scaler.claim(service);
      return true;
    } catch {
      return false;
    }
  }

  /** Scales a claimed service in the background: other services' policies are evaluated meanwhile. */
  private startScale(service: string, replicas: number, watch: Watch): void {
    this.scaling.add(service);
    void this.scaler
      .scale(service, replicas, (progress) => {
        if (progress.step === 'failed') this.logger.warn(`${service}: the scale failed: ${progress.detail}`);
      })
      .catch(() => undefined) // logged from its `failed` step
      .finally(() => {
        watch.lastScaledAt = Date.now();
        this.scaling.delete(service);
      });
  }

  /** Its watch, begun afresh when its policy changed: a new policy watches a whole cool-down. */
  private watchOf(service: string, policy: AutoscalingPolicy, now: number): Watch {
    const watch = this.watches.get(service);
    if (watch?.policy === policy) return watch;
    const fresh: Watch = { policy, since: now, recommendations: [], lastScaledAt: watch?.lastScaledAt };
    this.watches.set(service, fresh);
    return fresh;
  }
}
