import { validateEnvironment } from '@pss/platform';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';

/** The variables search reads besides the platform's. */
export class SearchEnvironment {
  /** Routes (origin, destination, date) kept in memory; 0 turns the cache off. */
  @Expose() @Type(() => Number) @Min(0) @IsInt() SEARCH_CACHE_MAX_ROUTES = 10_000;
  /** The longest a cached route lives without a change: a safety net behind the invalidations. */
  @Expose() @Type(() => Number) @Min(1_000) @IsInt() SEARCH_CACHE_TTL_MS = 60_000;
  /** A file listing closed origin airports, read again whenever it changes. */
  @Expose() @IsOptional() @IsString() CLOSED_ORIGINS_FILE?: string;
}

export class SearchConfig {
  constructor(
    readonly cacheMaxRoutes: number,
    readonly cacheTtlMs: number,
    readonly closedOriginsFile: string | undefined,
  ) {}

  static fromEnvironment(env: Record<string, string | undefined> = process.env): SearchConfig {
    const vars = validateEnvironment(SearchEnvironment, env);
    return new SearchConfig(vars.SEARCH_CACHE_MAX_ROUTES, vars.SEARCH_CACHE_TTL_MS, vars.CLOSED_ORIGINS_FILE);
  }
}
