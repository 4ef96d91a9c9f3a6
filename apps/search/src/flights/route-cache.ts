import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MetricsService, NotificationListener } from '@pss/platform';
import { LRUCache } from 'lru-cache';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { SearchConfig } from '../config/search-config';
import type { FlightResponse } from './dto/flight.response';

/** The channel a change of a route's flights is announced on; the payload is its routeKey. */
export const ROUTE_CHANGES_CHANNEL = 'search_route_changes';
/** A payload that invalidates every route. */
export const ALL_ROUTES = '*';

export const routeKey = (origin: string, destination: string, date: string) =>
  `${origin}/${destination}/${date}`;

const LISTEN_RETRY_MS = 2_000;

/**
 * The flights of recently searched routes, in memory. Whatever changes a route's flights in the
 * database NOTIFYs the route in the same transaction, so every instance drops it when the change
 * commits. While the LISTEN connection is down nothing is cached (a change could go unheard), and
 * after it comes back everything cached before is dropped.
 */
@Injectable()
export class RouteCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RouteCache.name);
  private readonly routes?: LRUCache<string, FlightResponse[]>;
  private readonly listener: NotificationListener;
  private readonly lookups: Counter<'result'>;
  /** Counts invalidations, so that a load that raced one is not stored. */
  private invalidations = 0;
  private retry?: NodeJS.Timeout;

  constructor(dataSource: DataSource, config: SearchConfig, metrics: MetricsService) {
    if (config.cacheMaxRoutes > 0)
      this.routes = new LRUCache({ max: config.cacheMaxRoutes, ttl: config.cacheTtlMs });
    this.listener = new NotificationListener(dataSource, ROUTE_CHANGES_CHANNEL, {
      onNotify: (route) => this.invalidate(route),
      onLost: () => this.invalidate(ALL_ROUTES),
    });
    this.lookups = new Counter({
      name: 'search_cache_lookups_total',
      help: 'Searches answered from the route cache (hit) or from the database (miss)',
      labelNames: ['result'],
      registers: [metrics.registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.routes) await this.keepListening();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.retry);
    await this.listener.stop();
  }

  async get(key: string, load: () => Promise<FlightResponse[]>): Promise<FlightResponse[]> {
    const cached = this.routes?.get(key);
    this.lookups.inc({ result: cached ? 'hit' : 'miss' });
    if (cached) return cached;
    const invalidationsBefore = this.invalidations;
    const flights = await load();
    if (this.listener.listening && this.invalidations === invalidationsBefore) this.routes?.set(key, flights);
    return flights;
  }

  /** Drops a route (or every route): on a NOTIFY, and at once after this instance's own change. */
  invalidate(route: string): void {
    this.invalidations++;
    if (route === ALL_ROUTES) this.routes?.clear();
    else this.routes?.delete(route);
  }

  /** Listens, and listens again after a loss: until then, searches go to the database. */
  private async keepListening(): Promise<void> {
    if (!this.listener.listening && (await this.listener.ensureListening())) {
      this.invalidate(ALL_ROUTES);
      this.logger.log('listening for route changes: the cache is on');
    }
    this.retry = setTimeout(() => void this.keepListening(), LISTEN_RETRY_MS).unref();
  }
}
