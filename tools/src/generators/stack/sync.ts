import type { Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from 'nx/src/utils/sync-generators';
import { renderStack } from './render-stack';

/**
 * Keeps docker-compose.yml, docker-compose.swarm.yml and .env.example equal to what services.json
 * and the templates give (`nx sync`; `nx sync:check` fails in CI when one was edited by hand).
 */
export default function syncStack(tree: Tree): SyncGeneratorResult {
  renderStack(tree);
  return {
    outOfSyncMessage: 'docker-compose.yml, its Swarm overlay or .env.example differs from services.json.',
  };
}
