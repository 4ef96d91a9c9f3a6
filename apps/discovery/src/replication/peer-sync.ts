import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { ReadinessService, sleep } from '@pss/platform';
import type { RegistryConfig } from '../config/registry-config';
import { REGISTRY_CONFIG } from '../config/registry-config.token';
import type { Peer } from '../config/peer-urls';
import { InvalidRegistration } from '../registry/invalid-registration';
import { RegistryService } from '../registry-runtime/registry.service';

interface FetchedApplications {
  applications?: { application?: { name: string; instance?: unknown[] }[] };
}

/** What a peer gave: its registry (the count of instances copied), nothing, or no answer yet. */
type Answer = { copied: number } | 'nothing' | 'failed';

const RETRY_MS = 2_000;
const FETCH_TIMEOUT_MS = 5_000;
// A peer that refuses connections or whose name does not resolve (not started yet) holds nothing.
const ABSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND']);

/**
 * On start, copy the registry of the first peer that answers (Eureka's syncUp). Until that sync
 * ends, the node is not ready and refuses registry reads with 503, so that no client replaces its
 * cache with an empty registry. It ends when a peer gave its registry, when every peer is absent
 * or itself starting (nothing to copy), or after `peerSyncTimeoutMs`.
 */
@Injectable()
export class PeerSync implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PeerSync');
  private readonly shutdown = new AbortController();
  private done: boolean;

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    private readonly service: RegistryService,
    private readonly readiness: ReadinessService,
  ) {
    this.done = config.peers.length === 0;
  }

  get synced(): boolean {
    return this.done;
  }

  onModuleInit(): void {
    this.readiness.addCheck('peerSync', async () => ({
      peerSync: this.done ? { status: 'up' } : { status: 'down', message: 'copying the registry of a peer' },
    }));
  }

  onApplicationBootstrap(): void {
    if (!this.done) void this.syncUp().finally(() => this.finish());
  }

  beforeApplicationShutdown(): void {
    this.shutdown.abort();
  }

  private async syncUp(): Promise<void> {
    const signal = AbortSignal.any([
      this.shutdown.signal,
      AbortSignal.timeout(this.config.peerSyncTimeoutMs),
    ]);
    while (!signal.aborted) {
      const answers: Answer[] = [];
      for (const peer of this.config.peers) {
        const answer = await this.copyFrom(peer, signal);
        if (typeof answer === 'object')
          return this.logger.log(`copied ${answer.copied} instances from ${peer.name}`);
        answers.push(answer);
      }
      if (answers.every((answer) => answer === 'nothing'))
        return this.logger.log('no peer holds a registry yet: starting with an empty one');
      await sleep(RETRY_MS, signal);
    }
    if (!this.shutdown.signal.aborted)
      this.logger.warn(
        `no peer gave its registry within ${this.config.peerSyncTimeoutMs} ms: serving what clients register`,
      );
  }

  private finish(): void {
    this.done = true;
    void this.readiness.evaluate().catch(() => undefined);
  }

  private async copyFrom(peer: Peer, signal: AbortSignal): Promise<Answer> {
    try {
      const response = await fetch(new URL('apps/', peer.url), {
        headers: { accept: 'application/json', authorization: peer.authorization },
        signal: AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
      });
      if (response.status === 503) return 'nothing'; // the peer is starting too
      if (!response.ok) throw new Error(`answered ${response.status}`);
      return { copied: this.copy((await response.json()) as FetchedApplications) };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code && ABSENT_CODES.has(code)) return 'nothing';
      this.logger.debug(`${peer.name} did not give its registry: ${(error as Error).message}`);
      return 'failed';
    }
  }

  private copy(body: FetchedApplications): number {
    let count = 0;
    for (const app of body.applications?.application ?? []) {
      for (const instance of app.instance ?? []) {
        try {
          this.service.register(this.service.parse(instance, app.name), true);
          count += 1;
        } catch (error) {
          if (!(error instanceof InvalidRegistration)) throw error;
          this.logger.warn(`skipped an instance of ${app.name}: ${error.message}`);
        }
      }
    }
    return count;
  }
}
