import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '@pss/testing';

const run = promisify(execFile);

interface ComposeConfig {
  services: Record<
    string,
    { environment?: Record<string, string>; secrets?: { source: string; target: string }[] }
  >;
  secrets: Record<string, { file: string }>;
}

/** A fresh env file and secrets directory, as scripts/up.sh makes them. */
async function newSettings(): Promise<{ envFile: string; secretsDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pss-env-'));
  const settings = { envFile: join(dir, '.env'), secretsDir: join(dir, 'secrets') };
  await ensure(settings);
  return settings;
}

const ensure = ({ envFile, secretsDir }: { envFile: string; secretsDir: string }) =>
  run('bash', [join(workspaceRoot, 'scripts', 'ensure-env-file.sh'), envFile, secretsDir]);

const composeConfig = async (envFile: string): Promise<ComposeConfig> =>
  JSON.parse(
    (
      await run(
        'docker',
        ['compose', '-p', 'pss-config-check', '--env-file', envFile, 'config', '--format', 'json'],
        { cwd: workspaceRoot, maxBuffer: 16 * 1024 * 1024 },
      )
    ).stdout,
  );

const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8').trim()]));

describe('credentials of docker-compose.yml', () => {
  it('are random passwords in files of a private directory, none in the env file, different every time', async () => {
    const [first, second] = [await newSettings(), await newSettings()];
    const passwords = (dir: string) =>
      Object.entries(contents(dir)).filter(([name]) => name.endsWith('-password'));
    expect(passwords(first.secretsDir).length).toBeGreaterThanOrEqual(15);
    for (const [, value] of passwords(first.secretsDir)) expect(value).toMatch(/^[0-9a-f]{36}$/);
    const values = (dir: string) => passwords(dir).map(([, value]) => value);
    expect(new Set(values(first.secretsDir)).size).toBe(values(first.secretsDir).length);
    expect(values(second.secretsDir)).not.toEqual(expect.arrayContaining(values(first.secretsDir)));
    expect(statSync(first.secretsDir).mode & 0o077).toBe(0);
    expect(readFileSync(first.envFile, 'utf8')).not.toMatch(/PASSWORD/);
  });

  it('are kept when made again, with the files made from them unchanged', async () => {
    const settings = await newSettings();
    const before = contents(settings.secretsDir);
    await ensure(settings);
    expect(contents(settings.secretsDir)).toEqual(before);
  });

  it('reach each container as files under /run/secrets: its own accounts only, nothing in its environment', async () => {
    const { envFile, secretsDir } = await newSettings();
    const config = await composeConfig(envFile);
    const secrets = contents(secretsDir);
    const secretOf = (service: string, target: string) => {
      const mounted = config.services[service].secrets?.find((secret) => secret.target === target);
      if (!mounted) throw new Error(`${service} is given no ${target}`);
      return readFileSync(config.secrets[mounted.source].file, 'utf8').trim();
    };

    for (const [name, service] of Object.entries(config.services)) {
      const environment = Object.values(service.environment ?? {}).join('\n');
      for (const [secret, value] of Object.entries(secrets))
        if (secret.endsWith('-password'))
          expect({ name, leaks: environment.includes(value) }).toEqual({ name, leaks: false });
    }
    expect(config.services.booking.environment).toMatchObject({
      DISCOVERY_URLS_FILE: '/run/secrets/discovery-urls',
    });
    // booking registers with its own account, which the registry knows, and holds no other's.
    expect(secretOf('booking', 'discovery-urls')).toContain(
      `booking:${secrets['booking-registry-password']}@discovery-1:8761`,
    );
    expect(secretOf('discovery-1', 'registry-accounts')).toContain(
      `booking ${secrets['booking-registry-password']} BOOKING`,
    );
    const bookingSecrets = (config.services.booking.secrets ?? []).map((secret) =>
      secretOf('booking', secret.target),
    );
    for (const other of ['fares', 'search', 'checkin'])
      for (const kind of ['registry', 'db', 'rabbitmq'])
        if (secrets[`${other}-${kind}-password`])
          expect(bookingSecrets.join('\n')).not.toContain(secrets[`${other}-${kind}-password`]);
    // Its database: its own role, on its own database server.
    expect(secretOf('booking', 'database-url')).toBe(
      `postgres://booking:${secrets['booking-db-password']}@booking-db:5432/booking`,
    );
    expect(secretOf('booking-db', 'service-password')).toBe(secrets['booking-db-password']);
  });
});
