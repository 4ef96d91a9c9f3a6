import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RegistryConfig } from '../config/registry-config';
import { REGISTRY_CONFIG } from '../config/registry-config.token';
import { RegistryService } from './registry.service';

/** Eureka's timers: eviction (with compensation for late runs), delta retention, threshold recount. */
@Injectable()
export class RegistryTasks implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Registry');
  private readonly timers: NodeJS.Timeout[] = [];
  private lastEvictionRun = Date.now();

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly service: RegistryService,
  ) {}

  onModuleInit(): void {
    const registry = this.service.registry;
    this.every(this.config.evictionIntervalMs, () => this.evict());
    this.every(this.config.deltaRetentionCleanupMs, () =>
      registry.pruneChanges(this.config.deltaRetentionMs),
    );
    this.every(this.config.renewalThresholdUpdateIntervalMs, () => registry.recountExpectedClients());
  }

  onModuleDestroy(): void {
    this.timers.forEach(clearInterval);
  }

  private evict(): void {
    const now = Date.now();
    const compensationMs = Math.max(0, now - this.lastEvictionRun - this.config.evictionIntervalMs);
    this.lastEvictionRun = now;
    const evicted = this.service.registry.evict(compensationMs);
    if (evicted.length > 0) {
      this.logger.log(`evicted ${evicted.map((info) => `${info.app}/${info.id}`).join(', ')}`);
    }
  }

  private every(ms: number, task: () => void): void {
    const timer = setInterval(task, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
