import { printCpuProfile } from '@pss/bench';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComposeStack } from '../../src';
import { recreateService } from './recreate-service';

/**
 * `service` of the stack started again with V8's CPU profiler on, `load` run against the stack,
 * then the service stopped (the profile is written as it exits) and started again with `settings`;
 * prints where its CPU time went under `title`, from the load's start on.
 */
export async function profileService(
  stack: ComposeStack,
  service: string,
  title: string,
  load: () => Promise<unknown>,
  settings: Record<string, unknown> = {},
): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'pss-profile-'));
  chmodSync(directory, 0o777);
  try {
    const files = await recreateService(
      stack,
      service,
      {
        ...settings,
        command: ['node', '--cpu-prof', '--cpu-prof-dir=/profile', 'main.js'],
        volumes: [`${directory}:/profile`],
      },
      directory,
    );
    const loadBegan = Date.now();
    await load();
    await stack.compose(...files, 'stop', service);
    const profile = readdirSync(directory).find((file) => file.endsWith('.cpuprofile'));
    if (!profile) throw new Error(`${service} wrote no CPU profile`);
    printCpuProfile(title, join(directory, profile), (Date.now() - loadBegan) / 1000);
  } finally {
    await recreateService(stack, service, settings, directory);
    rmSync(directory, { recursive: true, force: true });
  }
}
