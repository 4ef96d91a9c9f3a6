import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { extraCaBundle, workspaceRoot } from './images';
import { freePort } from './processes';

/** The compose project the system tests use; .ci/run removes it if a crashed run left it behind. */
export const SYSTEM_TEST_PROJECT = 'pss-system-test';

/** The compose services with a published port, and the variable that moves it (docker-compose.yml). */
const PUBLISHED = {
  'discovery-1': 'PSS_DISCOVERY_1_PORT',
  'discovery-2': 'PSS_DISCOVERY_2_PORT',
  fares: 'PSS_FARES_PORT',
  search: 'PSS_SEARCH_PORT',
  booking: 'PSS_BOOKING_PORT',
  checkin: 'PSS_CHECKIN_PORT',
} as const;

export type PublishedService = keyof typeof PUBLISHED;

export interface ComposeStack {
  /** http://127.0.0.1:<port> of a service's published port. */
  url(service: PublishedService): string;
  /** `docker compose <args>` on this stack; resolves with its stdout. */
  compose(...args: string[]): Promise<string>;
  /** Removes the containers, networks and volumes. */
  down(): Promise<void>;
}

/**
 * The repository's docker-compose.yml, built and started as `scripts/up.sh` would, under its own
 * project name and on free ports, so that it never meets a developer's running stack.
 */
export async function startComposeStack(): Promise<ComposeStack> {
  const ports = Object.fromEntries(
    await Promise.all(Object.keys(PUBLISHED).map(async (service) => [service, await freePort()])),
  ) as Record<PublishedService, number>;
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_BUILDKIT: '1', LOG_LEVEL: 'warn' };
  for (const [service, variable] of Object.entries(PUBLISHED))
    env[variable] = String(ports[service as PublishedService]);
  const caBundle = extraCaBundle();
  if (caBundle) env.PSS_EXTRA_CA_FILE = caBundle;
  const compose = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)('docker', ['compose', '-p', SYSTEM_TEST_PROJECT, ...args], {
      cwd: workspaceRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  };
  const down = async () => void (await compose('down', '--volumes', '--remove-orphans'));
  await down();
  try {
    await compose('up', '--detach', '--build', '--wait');
  } catch (error) {
    const logs = await compose('logs', '--no-color', '--tail', '40').catch(() => '');
    await down();
    throw new Error(`docker compose up failed: ${String(error)}\n${logs}`);
  }
  return { url: (service) => `http://127.0.0.1:${ports[service]}`, compose, down };
}
