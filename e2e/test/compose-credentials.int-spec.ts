import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '@pss/testing';

const run = promisify(execFile);
const CREDENTIALS = [
  'PSS_DB_PASSWORD',
  'PSS_RABBITMQ_PASSWORD',
  'PSS_REGISTRY_FARES_PASSWORD',
  'PSS_REGISTRY_SEARCH_PASSWORD',
  'PSS_REGISTRY_BOOKING_PASSWORD',
  'PSS_REGISTRY_CHECKIN_PASSWORD',
  'PSS_OPERATOR_PASSWORD',
  'PSS_REGISTRY_PEER_PASSWORD',
];
const withoutCredentials = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !CREDENTIALS.includes(name)),
);

/** `docker compose config` in a copy-free way: the repository's file, a chosen env file. */
const composeConfig = (envFile: string) =>
  run('docker', ['compose', '-p', 'pss-config-check', '--env-file', envFile, 'config', '--format', 'json'], {
    cwd: workspaceRoot,
    env: withoutCredentials,
    maxBuffer: 16 * 1024 * 1024,
  });

async function newEnvFile(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'pss-env-')), '.env');
  await run('bash', [join(workspaceRoot, 'scripts', 'ensure-env-file.sh'), file]);
  return file;
}

describe('credentials in docker-compose.yml', () => {
  it('stops compose with a message saying how, when no env file gives them', async () => {
    const failure = await composeConfig('/dev/null').catch((error: { stderr: string }) => error);
    expect(failure).toMatchObject({ stderr: expect.stringMatching(/PSS_\w+_PASSWORD.*run scripts\/up\.sh/) });
  });

  it('come from the env file scripts/ensure-env-file.sh writes: random, private, different every time', async () => {
    const [first, second] = [await newEnvFile(), await newEnvFile()];
    const secrets = (file: string) =>
      Object.fromEntries(
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line) => line.split('='))
          .filter(([name]) => CREDENTIALS.includes(name)),
      );
    expect(Object.keys(secrets(first)).sort()).toEqual([...CREDENTIALS].sort());
    for (const value of Object.values(secrets(first))) expect(value).toMatch(/^[0-9a-f]{36}$/);
    expect(Object.values(secrets(second))).not.toEqual(expect.arrayContaining(Object.values(secrets(first))));
    expect(statSync(first).mode & 0o077).toBe(0);

    const { stdout } = await composeConfig(first);
    const { services } = JSON.parse(stdout) as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    const { PSS_DB_PASSWORD, PSS_REGISTRY_BOOKING_PASSWORD, PSS_REGISTRY_FARES_PASSWORD } = secrets(first);
    expect(services['fares-db'].environment?.POSTGRES_PASSWORD).toBe(PSS_DB_PASSWORD);
    // Each service registers with an account of its own, which the registry knows.
    expect(services.booking.environment?.DISCOVERY_URLS).toContain(
      `booking:${PSS_REGISTRY_BOOKING_PASSWORD}@discovery-1:8761`,
    );
    expect(services.booking.environment?.DISCOVERY_URLS).not.toContain(PSS_REGISTRY_FARES_PASSWORD);
    expect(services['discovery-1'].environment?.REGISTRY_ACCOUNTS).toContain(
      `booking ${PSS_REGISTRY_BOOKING_PASSWORD} BOOKING`,
    );
  });
});
