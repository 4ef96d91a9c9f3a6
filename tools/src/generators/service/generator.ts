import { formatFiles, generateFiles, getProjects, names, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { renderDockerfile } from '../dockerfile/render-dockerfile';
import { defaultPort } from '../dockerfile/sync';

export interface ServiceOptions {
  name: string;
  port: number;
}

/**
 * `nx g @pss/tooling:service search --port 8090`: a service that builds, registers with the
 * registry as SEARCH, migrates its own PostgreSQL database, and answers one example route, with
 * its unit, integration and image tests. Replace the example with the service's domain.
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
  generateFiles(tree, join(__dirname, 'files'), root, {
    ...options,
    className,
    propertyName,
    registryName: options.name.toUpperCase(),
    migrationTimestamp: Date.now(),
    tmpl: '',
  });
  renderDockerfile(tree, { root, name: options.name, port: options.port });
  await formatFiles(tree);
  return () =>
    console.log(
      `${root} is ready: npx nx run ${options.name}:serve (DATABASE_URL, DISCOVERY_URLS), ` +
        `npx nx run ${options.name}:int-test. Add it to docker-compose.yml with its database.`,
    );
}
