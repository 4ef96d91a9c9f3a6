import { getProjects, type Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from 'nx/src/utils/sync-generators';
import { renderDockerfile } from './render-dockerfile';

/** An app's default port, as its AppModule gives it to the platform (`defaultPort: 8080`). */
export function defaultPort(tree: Tree, appRoot: string): number {
  const source = tree.read(`${appRoot}/src/app.module.ts`, 'utf-8') ?? '';
  const port = /defaultPort:\s*(\d+)/.exec(source);
  if (!port) throw new Error(`${appRoot}/src/app.module.ts gives PlatformModule no defaultPort`);
  return Number(port[1]);
}

/**
 * Keeps every app's Dockerfile equal to the template rendered for it (`nx sync`; `nx sync:check`
 * fails in CI when one was edited by hand or the template changed without a sync).
 */
export default function syncDockerfiles(tree: Tree): SyncGeneratorResult {
  for (const [name, project] of getProjects(tree)) {
    if (project.projectType !== 'application') continue;
    renderDockerfile(tree, { root: project.root, name, port: defaultPort(tree, project.root) });
  }
  return { outOfSyncMessage: "An app's Dockerfile differs from tools/src/generators/dockerfile/files." };
}
