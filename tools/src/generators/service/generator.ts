import { formatFiles, generateFiles, getProjects, names, updateJson, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { renderDockerfile } from '../dockerfile/render-dockerfile';
import { defaultPort } from '../dockerfile/sync';
import { renderStack } from '../stack/render-stack';
import { addService } from '../stack/services-manifest';

export interface ServiceOptions {
  name: string;
  port: number;
  /** false (`--no-database`): no PostgreSQL, no migrations, the example held in memory. */
  database?: boolean;
  /** `--events`: a RabbitMQ account, the inbox and outbox, and the example follows the schedule. */
  events?: boolean;
}

/** Files of the example that only one variant has, relative to the new service's folder. */
const DATABASE_ONLY = [
  'src/database',
  'src/migrations',
  'src/examples/example.entity.ts',
  'src/examples/seed-examples.ts',
];
const WITHOUT_DATABASE_ONLY = ['src/examples/example.ts'];
const EVENTS_ONLY = ['src/examples/schedule-examples.projection.ts'];
/** Who consumes what (every service declares every queue): an events service follows the schedule. */
const SUBSCRIPTIONS = 'libs/contracts/src/events/pss-events.ts';
const FOLLOWED = ['flight.scheduled', 'flight.bulk-scheduled'];

/**
 * `nx g @pss/tooling:service search --port 8090`: a service that builds, registers with the
 * registry as SEARCH, migrates its own PostgreSQL database (none with `--no-database`), and answers
 * one example route (with `--events`, fed by the schedule's `flight.scheduled` and
 * `flight.bulk-scheduled` through RabbitMQ), with its unit and integration tests; listed in
 * services.json, so that the compose file, its Swarm overlay, .env.example, the secrets and the
 * system suite have it too. Replace the example with the service's domain.
 */
export default async function serviceGenerator(tree: Tree, options: ServiceOptions): Promise<() => void> {
  const root = `apps/${options.name}`;
  const projects = getProjects(tree);
  if (projects.has(options.name) || tree.exists(root)) throw new Error(`${root} already exists`);
  for (const [name, project] of projects) {
    if (project.projectType === 'application' && defaultPort(tree, project.root) === options.port)
      throw new Error(`port ${options.port} is ${name}'s`);
  }
  const { className, propertyName } = names(options.name);
  const database = options.database ?? true;
  const events = options.events ?? false;
  if (events && !database) throw new Error('--events needs a database: the inbox and outbox are its tables');
  generateFiles(tree, join(__dirname, 'files'), root, {
    ...options,
    database,
    events,
    className,
    propertyName,
    registryName: options.name.toUpperCase(),
    metricPrefix: options.name.replace(/-/g, '_'),
    migrationTimestamp: Date.now(),
    tmpl: '',
  });
  for (const path of database ? WITHOUT_DATABASE_ONLY : DATABASE_ONLY) tree.delete(join(root, path));
  if (events) subscribe(tree, options.name);
  else for (const path of EVENTS_ONLY) tree.delete(join(root, path));
  renderDockerfile(tree, { root, name: options.name, port: options.port });
  // The workspace's type check (`tsc -b`) builds every project the root tsconfig.json references.
  updateJson(tree, 'tsconfig.json', (solution: { references?: { path: string }[] }) => ({
    ...solution,
    references: [...(solution.references ?? []), { path: `./${root}` }],
  }));
  await formatFiles(tree);
  addService(tree, options.name, {
    ...(database && { database }),
    ...(events && { events: { publishes: options.name } }),
  });
  renderStack(tree);
  return () =>
    console.log(
      `${root} is ready: npx nx run ${options.name}:serve (${database ? 'DATABASE_URL, ' : ''}DISCOVERY_URLS), ` +
        `npx nx run ${options.name}:int-test; services.json lists it, and docker-compose.yml runs it` +
        `${database ? ' with its database' : ''}${events ? ' and its RabbitMQ account' : ''}.`,
    );
}

/** Adds the service's queue to pssEventSubscriptions, bound to the events it follows. */
function subscribe(tree: Tree, name: string): void {
  const source = tree.read(SUBSCRIPTIONS, 'utf-8') ?? '';
  const end = /\n\} as const satisfies Record<string, readonly PssEventType\[\]>;/.exec(source);
  if (!end) throw new Error(`${SUBSCRIPTIONS} has no pssEventSubscriptions to add ${name} to`);
  const entry = `\n  '${name}': [${FOLLOWED.map((type) => `'${type}'`).join(', ')}],`;
  tree.write(SUBSCRIPTIONS, source.slice(0, end.index) + entry + source.slice(end.index));
}
