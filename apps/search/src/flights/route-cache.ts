import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVERY_KEY, MetricsService, NotifiedCache } from '@pss/platform';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { SearchConfig } from '../config/search-config';
import type { FlightResponse } from './dto/flight.response';

/** The channel a change of a route's flights is announced on; the payload is its routeKey. */
export const ROUTE_CHANGES_CHANNEL = 'search_route_changes';
/** A payload that invalidates every route. */
export const ALL_ROUTES = EVERY_KEY;

export const routeKey = (origin: string, destination: string, date: string) =>
  `${origin}/${destination}/${date}`;

/**
 * The flights of recently searched routes, in memory, dropped on every instance when a change of
 * the route commits (a NotifiedCache on ROUTE_CHANGES_CHANNEL).
 */
@Injectable()
export class RouteCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly routes: NotifiedCache<FlightResponse[]>;
  private readonly lookups: Counter<'result'>;

  constructor(dataSource: DataSource, config: SearchConfig, metrics: MetricsService) {
    this.routes = new NotifiedCache(dataSource, {
      channel: ROUTE_CHANGES_CHANNEL,
      max: config.cacheMaxRoutes,
      ttlMs: config.cacheTtlMs,
    });
    this.lookups = new Counter({
      name: 'search_cache_lookups_total',
      help: 'Searches answered from the route cache (hit) or from the database (miss)',
      labelNames: ['result'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.routes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.routes.stop();
  }

  async get(key: string, load: () => Promise<FlightResponse[]>): Promise<FlightResponse[]> {
    const { value, hit } = await this.routes.get(key, load);
    this.lookups.inc({ result: hit ? 'hit' : 'miss' });
    return value;
  }

  /** Drops a route (or every route) at once, after this instance's own change. */
  invalidate(route: string): void {
    this.routes.invalidate(route);
  }
}
