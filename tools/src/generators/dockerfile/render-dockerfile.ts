import { generateFiles, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { HEALTH_CHECK_PACE } from '../health-check-pace';

export interface DockerfileOptions {
  /** The app's folder, apps/<name>. */
  root: string;
  /** The service (and project) name. */
  name: string;
  /** The port the service listens on by default. */
  port: number;
}

/** The tag the Dockerfiles build from, as docker/images.env pins it. */
export function nodeImage(tree: Tree): string {
  const pinned = /^NODE_IMAGE=(\S+)$/m.exec(tree.read('docker/images.env', 'utf-8') ?? '');
  if (!pinned) throw new Error('docker/images.env does not pin NODE_IMAGE');
  return pinned[1];
}

/** Writes <root>/<name>.Dockerfile from the one template every service shares. */
export function renderDockerfile(tree: Tree, options: DockerfileOptions): void {
  generateFiles(tree, join(__dirname, 'files'), options.root, {
    ...options,
    nodeImage: nodeImage(tree),
    healthCheckPace: HEALTH_CHECK_PACE,
    tmpl: '',
  });
}
