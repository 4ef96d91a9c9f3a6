import { docker, eventually, exec, imageVersion, logLines, runToCompletion, waitUntil } from '@pss/testing';
import { randomBytes } from 'node:crypto';
import type { ComposeStack } from './compose-stack';

export interface ComposedService {
  /** Its compose service (discovery-1 for the registry). */
  service: string;
  /** Its name in logs, labels and /info. */
  name: string;
  /** The name it registers under; the registry itself does not register. */
  registersAs?: string;
  /** It owns `<name>-db`: it migrates as a one-shot command, and reverts its newest migration. */
  database?: boolean;
}

const DEV_PACKAGES =
  /^(typescript|jest|nx|esbuild|@swc|@nx|testcontainers|@testcontainers|@nestjs\/testing|autocannon)$/m;

/**
 * What every service image must do, checked on the container compose runs from it: who it runs as,
 * what it ships, how it logs, what it says it is, its health, its registration, its one-shot
 * commands, and its stop. The last check stops the container: run these after everything else.
 */
export function describeComposedService(stack: () => ComposeStack, spec: ComposedService): void {
  describe(`the ${spec.name} image, as composed`, () => {
    const container = () => stack().container(spec.service);
    const image = async () => (await (await container()).inspect()).Image;
    /** Its instances on the registry node the stack publishes first. */
    const registered = async () => {
      const response = await fetch(`${stack().url('discovery-1')}/eureka/apps/${spec.registersAs}`, {
        headers: { accept: 'application/json' },
      });
      if (response.status === 404) return [];
      const { application } = (await response.json()) as {
        application: { instance: { status: string; ipAddr: string; metadata?: Record<string, string> }[] };
      };
      return application.instance;
    };
    const address = async () =>
      Object.values((await (await container()).inspect()).NetworkSettings.Networks).map(
        (network) => network.IPAddress,
      );

    it('runs as a non-root user under an init process, on a read-only root file system', async () => {
      const { Config, HostConfig } = await (await container()).inspect();
      expect(Config.User).toBe('node');
      expect(Config.Entrypoint).toEqual(['/usr/bin/tini', '--']);
      expect(HostConfig.ReadonlyRootfs).toBe(true);
    });

    it('ships its bundle and its production dependencies, no sources, dev tools or deprecated request', async () => {
      const { output } = await exec(await container(), [
        'sh',
        '-c',
        'find /app -name "*.ts" -not -path "*/node_modules/*"; ls /app/node_modules; ' +
          'find /app/node_modules -path "*/request/package.json" -exec grep -h \'"name"\' {} +',
      ]);
      expect(output).not.toMatch(/\.ts$/m);
      expect(output).not.toMatch(DEV_PACKAGES);
      for (const name of output.split('\n').filter((line) => line.includes('"name"')))
        expect(name).toMatch(/"@cypress\/request"/);
    });

    it('answers an unknown route with problem+json, and logs JSON lines with its name and the request id', async () => {
      const requestId = `image-${randomBytes(4).toString('hex')}`;
      const unknown = await fetch(`${await stack().runningUrl(spec.service)}/no-such-route`, {
        headers: { 'X-Request-Id': requestId },
      });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      await waitUntil(
        'the request log line',
        async () => (await logLines(await container())).some((line) => line.includes(requestId)),
        30_000,
      );
      const entries = (await logLines(await container())).map(
        (line) => JSON.parse(line) as Record<string, unknown>,
      );
      expect(entries.filter((entry) => entry.service !== spec.name)).toEqual([]);
      expect(entries.find((entry) => entry.requestId === requestId)).toMatchObject({ service: spec.name });
    });

    it('says what it is: OCI labels with the version and commit, the same at /info and in the registry', async () => {
      const version = await imageVersion(stack().address.root);
      const { Config } = await docker.getImage(await image()).inspect();
      expect(Config.Labels).toMatchObject({
        'org.opencontainers.image.title': `pss-${spec.name}`,
        'org.opencontainers.image.version': version.PSS_VERSION,
        'org.opencontainers.image.revision': version.PSS_REVISION,
        'org.opencontainers.image.created': version.PSS_CREATED,
      });
      const info = await fetch(`${await stack().runningUrl(spec.service)}/info`);
      expect(await info.json()).toEqual({
        service: spec.name,
        version: version.PSS_VERSION,
        revision: version.PSS_REVISION,
      });
      if (!spec.registersAs) return;
      const addresses = await address();
      // UP once ready: compose waits for the container's health (alive) only.
      await eventually(async () => {
        const instance = (await registered()).find(({ ipAddr }) => addresses.includes(ipAddr));
        expect(instance).toMatchObject({
          status: 'UP',
          metadata: expect.objectContaining({ version: version.PSS_VERSION, revision: version.PSS_REVISION }),
        });
      }, 30_000);
    });

    it('reports healthy through its HEALTHCHECK', async () => {
      expect((await (await container()).inspect()).State.Health?.Status).toBe('healthy');
    });

    it('refuses to start with a malformed variable, naming it in a JSON line', async () => {
      const { code, lines } = await runToCompletion({ Image: await image(), Env: ['PORT=eighty'] });
      expect(code).toBe(1);
      const fatal = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'startup failed');
      expect(fatal.err.problems).toContain('PORT must be an integer number');
    });

    if (spec.database) {
      it('migrates as a one-shot job, and reverts its newest migration (a rollback) and applies it again', async () => {
        const output = await stack().compose(
          'run',
          '--rm',
          '--no-deps',
          '--env',
          'MIGRATE_ON_START=false',
          '--entrypoint',
          'sh',
          spec.service,
          '-c',
          'node main.js migrate && node main.js migrate:revert && node main.js migrate',
        );
        const messages = output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => (JSON.parse(line) as { msg: string }).msg);
        expect(messages.filter((msg) => /^(database migrated|reverted migration)/.test(msg))).toEqual([
          'database migrated (0 applied) and seeded',
          expect.stringMatching(/^reverted migration \w+\d{13}$/),
          'database migrated (1 applied) and seeded',
        ]);
      });
    }

    it(`exits with 0 on SIGTERM, before the engine would kill it${spec.registersAs ? ', and leaves the registry' : ''}`, async () => {
      const stopping = await container();
      const addresses = await address();
      const signalled = Date.now();
      await stopping.stop({ t: 10 });
      const { State } = await stopping.inspect();
      console.log(`${spec.name} exited ${Date.parse(State.FinishedAt) - signalled} ms after SIGTERM`);
      expect(State.ExitCode).toBe(0);
      if (spec.registersAs)
        await eventually(async () => {
          expect((await registered()).filter(({ ipAddr }) => addresses.includes(ipAddr))).toEqual([]);
        }, 10_000);
    });
  });
}
