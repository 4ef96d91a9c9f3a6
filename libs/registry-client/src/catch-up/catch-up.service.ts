import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Snapshot, SnapshotDates, SnapshotSource } from '@pss/contracts';
import { backoffDelay, ReadinessService, sleep } from '@pss/platform';
import { ServiceHttpClient } from '../http/service-http-client';
import { REGISTRY_CLIENT_SETTINGS } from '../registry-client.service';
import type { RegistryClientSettings } from '../registry-client-settings';
import type { DataSource, EntityManager } from 'typeorm';
import { snapshotPages } from './snapshot-pages';

// An owner is mostly missing because it is starting itself (fares waits for search's schedule while
// search waits for fares' fares), and asking again costs one small GET: ask every 2 s at most, so a
// follower starts within 2 s of its owners, not up to 15 s after.
const RETRY = { initialMs: 500, maxMs: 2_000 };

/** Asks the owners for their state and applies it; resolves with the pages applied. */
export type CatchUpRun = () => Promise<number>;

/**
 * A follower's copy is built from its owners' events, and a new or wiped database has missed them.
 * A service registers how it catches up (`follow`, from onModuleInit); from the start on, the run
 * is repeated with backoff until it succeeds once, and readiness says `catching up with …` until
 * then. An owner's snapshot is applied under the same newest-version rule as its events, which the
 * service follows meanwhile, so the two may arrive in any order.
 */
@Injectable()
export class CatchUp implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CatchUp.name);
  private readonly stopping = new AbortController();
  private run?: { owners: string; once: CatchUpRun };
  private caughtUp = false;
  private running?: Promise<void>;

  constructor(
    private readonly services: ServiceHttpClient,
    @Inject(REGISTRY_CLIENT_SETTINGS) private readonly settings: RegistryClientSettings,
    @Optional() private readonly readiness?: ReadinessService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  /** `owners` names them for people (`fares and booking`). Call once, before the application starts. */
  follow(owners: string, once: CatchUpRun): void {
    if (this.run) throw new Error(`a service catches up once: already with ${this.run.owners}`);
    this.run = { owners, once };
    this.caughtUp = !this.settings.catchUp;
    this.readiness?.addCheck('catchUp', async () =>
      this.caughtUp
        ? { catchUp: { status: 'up' } }
        : { catchUp: { status: 'down', message: `catching up with ${owners}` } },
    );
  }

  /**
   * Follows `source`'s snapshot page by page through `applyPage`, each page in one transaction of
   * `dataSource`: the usual way for a projection, whose `applyPage` is what its handler of a bulk
   * event does (a statement for many items, not one for each).
   */
  followSnapshot<T>(
    owners: string,
    source: SnapshotSource,
    dataSource: DataSource,
    applyPage: (items: T[], manager: EntityManager) => Promise<unknown>,
  ): void {
    this.follow(owners, () =>
      this.eachPage<T>(source, (items) =>
        dataSource.transaction(async (manager) => {
          await applyPage(items, manager);
        }),
      ),
    );
  }

  onApplicationBootstrap(): void {
    // A one-shot command (`node main.js migrate`) serves nothing: nothing to catch up for.
    if (!this.run || this.caughtUp || !this.adapterHost?.httpAdapter) return;
    this.running = this.untilDone(this.run.owners, this.run.once);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /**
   * Applies `source`'s snapshot page by page (each in `apply`'s own transaction), over `dates`, or
   * over the dates the owner says it holds; resolves with the number of pages.
   */
  async eachPage<T>(
    source: SnapshotSource,
    apply: (items: T[]) => Promise<void>,
    dates?: SnapshotDates,
  ): Promise<number> {
    const { first, last } = dates ?? (await this.ask<SnapshotDates>(source, requireDatesPath(source)));
    const pages = first && last ? snapshotPages(first, last) : [];
    for (const [from, to] of pages) {
      if (this.stopping.signal.aborted) throw new Error('stopping');
      const page = await this.ask<Snapshot<T>>(source, `${source.path}?from=${from}&to=${to}`);
      await apply(page.items);
    }
    return pages.length;
  }

  private async untilDone(owners: string, once: CatchUpRun): Promise<void> {
    for (let failures = 1; !this.stopping.signal.aborted; failures++) {
      try {
        const pages = await once();
        this.caughtUp = true;
        this.logger.log(`caught up with ${owners} (${pages} pages)`);
        void this.readiness?.evaluate().catch(() => undefined); // UP now, not at the next interval
        return;
      } catch (error) {
        const delay = backoffDelay(failures, RETRY);
        this.logger.warn(
          `catching up with ${owners} failed (${(error as Error).message}); again in ${delay} ms`,
        );
        await sleep(delay, this.stopping.signal);
      }
    }
  }

  private async ask<T>(source: SnapshotSource, path: string): Promise<T> {
    const response = await this.services.request(source.service, {
      path,
      alsoStarting: source.servesWhileStarting,
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`${source.service} answered ${response.status} to ${path}`);
    }
    return (await response.json()) as T;
  }
}

function requireDatesPath(source: SnapshotSource): string {
  if (!source.datesPath) throw new Error(`${source.service} says nothing of its dates: name them`);
  return source.datesPath;
}
