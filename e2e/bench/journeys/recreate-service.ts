import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposeStack } from '../../src';

/**
 * `service` of the stack recreated with `settings` over its compose definition (a command,
 * environment, volumes), once healthy; the compose files to name to stop it as it runs. `directory`
 * holds the override file.
 */
export async function recreateService(
  stack: ComposeStack,
  service: string,
  settings: Record<string, unknown>,
  directory: string,
): Promise<string[]> {
  const override = join(directory, `${service}-override.yml`);
  writeFileSync(override, JSON.stringify({ services: { [service]: settings } }));
  const files = ['-f', join(stack.address.root, 'docker-compose.yml'), '-f', override];
  await stack.compose(...files, 'up', '--detach', '--wait', '--no-deps', '--force-recreate', service);
  return files;
}
