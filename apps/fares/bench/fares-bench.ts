import { serviceBench, type ServiceBench } from '@pss/bench';
import { daysFromToday, workspaceRoot } from '@pss/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The last day the benchmarks ask fares of: today and the 59 days after. */
export const BENCH_DAYS = 60;

/**
 * fares on its bench network: its PostgreSQL, RabbitMQ and a registry, as compose gives them, and
 * search, alone, to announce the schedule fares files the book's fares from. A server is measured
 * once it answers the fare of the last flight of the last day (the schedule goes out in date order).
 */
export const faresBench = (): Promise<ServiceBench> =>
  serviceBench({
    service: 'fares',
    port: 8080,
    broker: true,
    calls: [{ service: 'search', port: 8090, env: { CATCH_UP: 'false' } }],
    probe: () => `/fares?flightNumber=BF106&flightDate=${daysFromToday(BENCH_DAYS - 1)}`,
  });

/** The default of `PSS_SERVICE_MEMORY` in docker-compose.yml, in MiB. */
export function composeServiceMemoryMiB(): number {
  const compose = readFileSync(join(workspaceRoot, 'docker-compose.yml'), 'utf8');
  const limit = /PSS_SERVICE_MEMORY:-(\d+)M/.exec(compose)?.[1];
  if (!limit) throw new Error('docker-compose.yml sets no PSS_SERVICE_MEMORY default in MiB');
  return Number(limit);
}
