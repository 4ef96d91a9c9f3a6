import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RegistryConfig } from '../config/registry-config';
import { parseInstance } from '../registry/parse-instance';
import { REGISTRY_CONFIG } from '../config/registry-config.token';
import { RegistryService } from '../registry-runtime/registry.service';

interface FetchedApplications {
  applications?: { application?: { name: string; instance?: unknown[] }[] };
}

const ATTEMPTS = 5;

/** On start, copy the registry of the first peer that answers (Eureka's syncUp), in the background. */
@Injectable()
export class PeerSync implements OnApplicationBootstrap {
  private readonly logger = new Logger('PeerSync');
  private readonly shutdown = new AbortController();

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly service: RegistryService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.peers.length > 0) void this.syncUp();
  }

  beforeApplicationShutdown(): void {
    this.shutdown.abort();
  }

  private async syncUp(): Promise<void> {
    const { signal } = this.shutdown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      for (const peer of this.config.peers) {
        const count = await this.copyFrom(peer).catch(() => undefined);
        if (signal.aborted) return;
        if (count !== undefined) return this.logger.log(`copied ${count} instances from ${peer.href}`);
      }
      const stopped = await sleep(2_000, false, { signal }).catch(() => true);
      if (stopped) return;
    }
    this.logger.warn(
      'no peer answered; starting with an empty registry (clients re-register on their next heartbeat)',
    );
  }

  private async copyFrom(peer: URL): Promise<number> {
    const response = await fetch(new URL('apps/', peer), {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = (await response.json()) as FetchedApplications;
    let count = 0;
    for (const app of body.applications?.application ?? []) {
      for (const instance of app.instance ?? []) {
        this.service.register(parseInstance(instance, app.name, Date.now()), true);
        count += 1;
      }
    }
    return count;
  }
}
