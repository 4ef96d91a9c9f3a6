import { formatFiles, generateFiles, getProjects, names, type Tree } from '@nx/devkit';
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
}

/** Files of the example that only one variant has, relative to the new service's folder. */
const DATABASE_ONLY = [
  'src/database',
  'src/migrations',
  'src/examples/example.entity.ts',
  'src/examples/seed-examples.ts',
];
const WITHOUT_DATABASE_ONLY = ['src/examples/example.ts'];

/**
 * `nx g @pss/tooling:service search --port 8090`: a service that builds, registers with the
 * registry as SEARCH, migrates its own PostgreSQL database (none with `--no-database`), and answers
 * one example route, with its unit and integration tests; listed in services.json, so that the
 * compose file, its Swarm overlay, .env.example, the secrets and the system suite have it too.
 * Replace the example with the service's domain.
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
  generateFiles(tree, join(__dirname, 'files'), root, {
    ...options,
    database,
    className,
    propertyName,
    registryName: options.name.toUpperCase(),
    migrationTimestamp: Date.now(),
    tmpl: '',
  });
  for (const path of database ? WITHOUT_DATABASE_ONLY : DATABASE_ONLY) tree.delete(join(root, path));
  renderDockerfile(tree, { root, name: options.name, port: options.port });
  await formatFiles(tree);
  addService(tree, options.name, database ? { database } : {});
  renderStack(tree);
  return () =>
    console.log(
      `${root} is ready: npx nx run ${options.name}:serve (${database ? 'DATABASE_URL, ' : ''}DISCOVERY_URLS), ` +
        `npx nx run ${options.name}:int-test; services.json lists it, and docker-compose.yml runs it` +
        `${database ? ' with its database' : ''}.`,
    );
}
