import Table from 'cli-table3';
import type { Progress } from '../scaling/progress';
import type { Overview } from '../services/services-overview';

/** The overview as a terminal table: a row per container, then each drift. */
export function overviewTable({ backend, services, unreachableRegistries }: Overview): string {
  const table = new Table({
    head: ['service', 'container', 'state', 'health', 'version', 'uptime', 'registry'],
  });
  for (const service of services)
    for (const container of service.containers) {
      const statuses = service.instances
        .filter((instance) => container.instanceIds.includes(instance.instanceId))
        .map((instance) => [...new Set(Object.values(instance.status))].join('/'));
      table.push([
        service.name,
        container.name,
        container.state,
        container.health ?? '-',
        container.version ?? '-',
        container.uptimeSeconds === undefined ? '-' : `${container.uptimeSeconds}s`,
        statuses.join(', ') || 'not registered',
      ]);
    }
  const notes = [
    ...services.flatMap((service) => service.drift.map((drift) => `drift: ${drift.detail}`)),
    ...unreachableRegistries.map(({ node, error }) => `registry ${node} did not answer: ${error}`),
  ];
  return [backend, table.toString(), ...notes].join('\n');
}

/** One step of a scale as a line: time, service, step, container, what happened. */
export function progressLine({ at, service, step, container, detail }: Progress): string {
  return [at.slice(11, 19), service, step.padEnd(14), container ?? '', detail].filter(Boolean).join('  ');
}
