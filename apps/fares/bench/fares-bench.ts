import { serviceBench, type ServiceBench } from '@pss/bench';
import { workspaceRoot } from '@pss/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** fares on its bench network: its PostgreSQL, RabbitMQ and a registry, as compose gives them. */
export const faresBench = (): Promise<ServiceBench> =>
  serviceBench({
    service: 'fares',
    port: 8080,
    broker: true,
    probe: () => `/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`,
  });

/** The default of `PSS_SERVICE_MEMORY` in docker-compose.yml, in MiB. */
export function composeServiceMemoryMiB(): number {
  const compose = readFileSync(join(workspaceRoot, 'docker-compose.yml'), 'utf8');
  const limit = /PSS_SERVICE_MEMORY:-(\d+)M/.exec(compose)?.[1];
  if (!limit) throw new Error('docker-compose.yml sets no PSS_SERVICE_MEMORY default in MiB');
  return Number(limit);
}
