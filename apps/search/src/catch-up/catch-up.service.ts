import {
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FareState, InventoryState, Snapshot } from '@pss/contracts';
import { backoffDelay, ReadinessService, sleep } from '@pss/platform';
import { ServiceHttpClient } from '@pss/registry-client';
import { DataSource } from 'typeorm';
import { SearchConfig } from '../config/search-config';
import { ALL_ROUTES, ROUTE_CHANGES_CHANNEL, RouteCache } from '../flights/route-cache';
import { snapshotPages } from './snapshot-pages';

// A snapshot's state is what the owner's event of that version said: it replaces search's when its
// version is not older (an equal version from the owner wins over search's seed), and rows already
// right are not rewritten.
const APPLY_FARES = `
  UPDATE flights f SET fare_amount = s.amount, fare_currency = s.currency, fare_version = s.version
    FROM unnest($1::text[], $2::date[], $3::numeric[], $4::text[], $5::int[])
         AS s(flight_number, flight_date, amount, currency, version)
   WHERE f.flight_number = s.flight_number AND f.flight_date = s.flight_date AND f.fare_version <= s.version
     AND (f.fare_amount, f.fare_currency, f.fare_version) IS DISTINCT FROM (s.amount, s.currency, s.version)`;

const APPLY_SEATS = `
  UPDATE flights f SET seats_available = s.seats, inventory_version = s.version
    FROM unnest($1::text[], $2::date[], $3::int[], $4::int[]) AS s(flight_number, flight_date, seats, version)
   WHERE f.flight_number = s.flight_number AND f.flight_date = s.flight_date
     AND f.inventory_version <= s.version
     AND (f.seats_available, f.inventory_version) IS DISTINCT FROM (s.seats, s.version)`;

const RETRY = { initialMs: 1_000, maxMs: 15_000 };

/**
 * Search's copies of fares and seats are built from events; a new or wiped database has missed
 * them. At start, search asks fares and booking for a snapshot of every date it holds, page by
 * page, applies it under the same newest-version rule as the events (which it follows meanwhile),
 * and answers not ready until every page is applied. An owner that cannot be reached is asked
 * again, with backoff, until it answers or search stops.
 */
@Injectable()
export class CatchUp implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CatchUp.name);
  private readonly stopping = new AbortController();
  private caughtUp = false;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly services: ServiceHttpClient,
    private readonly readiness: ReadinessService,
    private readonly cache: RouteCache,
    private readonly config: SearchConfig,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.caughtUp = !this.config.catchUp;
    this.readiness.addCheck('catchUp', async () =>
      this.caughtUp
        ? { catchUp: { status: 'up' } }
        : { catchUp: { status: 'down', message: 'catching up with fares and booking' } },
    );
  }

  onApplicationBootstrap(): void {
    // A one-shot command (`node main.js migrate`) serves nothing: nothing to catch up for.
    if (this.caughtUp || !this.adapterHost?.httpAdapter) return;
    this.running = this.catchUpUntilDone();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async catchUpUntilDone(): Promise<void> {
    for (let failures = 1; !this.stopping.signal.aborted; failures++) {
      try {
        const pages = await this.catchUpOnce();
        this.caughtUp = true;
        this.logger.log(`caught up with fares and booking (${pages} pages)`);
        return;
      } catch (error) {
        const delay = backoffDelay(failures, RETRY);
        this.logger.warn(`catching up failed (${(error as Error).message}); again in ${delay} ms`);
        await sleep(delay, this.stopping.signal);
      }
    }
  }

  private async catchUpOnce(): Promise<number> {
    const [{ first, last }] = (await this.dataSource.query(
      'SELECT min(flight_date)::text AS first, max(flight_date)::text AS last FROM flights',
    )) as { first: string | null; last: string | null }[];
    const pages = first && last ? snapshotPages(first, last) : [];
    for (const [from, to] of pages) {
      if (this.stopping.signal.aborted) throw new Error('stopping');
      const query = `from=${from}&to=${to}`;
      const fares = await this.snapshot<FareState>('fares', `/fares/snapshot?${query}`);
      const seats = await this.snapshot<InventoryState>('booking', `/inventories/snapshot?${query}`);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(APPLY_FARES, [
          fares.map((fare) => fare.flightNumber),
          fares.map((fare) => fare.flightDate),
          fares.map((fare) => fare.fare.amount),
          fares.map((fare) => fare.fare.currency),
          fares.map((fare) => fare.fareVersion),
        ]);
        await manager.query(APPLY_SEATS, [
          seats.map((seat) => seat.flightNumber),
          seats.map((seat) => seat.flightDate),
          seats.map((seat) => seat.remainingSeats),
          seats.map((seat) => seat.inventoryVersion),
        ]);
        await manager.query('SELECT pg_notify($1, $2)', [ROUTE_CHANGES_CHANNEL, ALL_ROUTES]);
      });
      this.cache.invalidate(ALL_ROUTES);
    }
    return pages.length;
  }

  private async snapshot<T>(service: string, path: string): Promise<T[]> {
    const response = await this.services.get(service, path);
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`${service} answered ${response.status} to ${path}`);
    }
    return ((await response.json()) as Snapshot<T>).items;
  }
}
