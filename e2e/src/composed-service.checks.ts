import {
  docker,
  eventually,
  exec,
  imageVersion,
  logLines,
  logLinesWhileRunning,
  runToCompletion,
  waitUntil,
} from '@pss/testing';
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

/** One service's container in the stack, and what the checks ask of it. */
class ComposedContainer {
  constructor(
    private readonly stack: ComposeStack,
    readonly spec: ComposedService,
  ) {}

  container = () => this.stack.container(this.spec.service);
  url = () => this.stack.runningUrl(this.spec.service);
  image = async () => (await (await this.container()).inspect()).Image;
  addresses = async () =>
    Object.values((await (await this.container()).inspect()).NetworkSettings.Networks).map(
      (network) => network.IPAddress,
    );

  /** Its instances on the registry node the stack publishes first. */
  async registered(): Promise<{ status: string; ipAddr: string; metadata?: Record<string, string> }[]> {
    const response = await fetch(`${this.stack.url('discovery-1')}/eureka/apps/${this.spec.registersAs}`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return [];
    return ((await response.json()) as { application: { instance: [] } }).application.instance;
  }
}

/**
 * What every service image must do, checked on the containers compose runs from them, each check
 * on every service at once: who it runs as, what it ships, how it logs, what it says it is, its
 * health, its registration, its one-shot commands, and its stop. The last check stops the
 * containers (the registry's last): run these after everything else.
 */
export function describeComposedServices(stack: () => ComposeStack, specs: ComposedService[]): void {
  describe(`the images of ${specs.map(({ name }) => name).join(', ')}, as composed`, () => {
    /** Runs `check` on every service at once; fails naming each service that failed it. */
    const onEvery = async (
      check: (service: ComposedContainer) => Promise<void>,
      which: (spec: ComposedService) => boolean = () => true,
    ) => {
      const services = specs.filter(which).map((spec) => new ComposedContainer(stack(), spec));
      const results = await Promise.allSettled(services.map(check));
      const failed = results.flatMap((result, i) =>
        result.status === 'rejected' ? [`${services[i].spec.name}: ${String(result.reason)}`] : [],
      );
      if (failed.length > 0) throw new Error(failed.join('\n\n'));
    };

    it('run as a non-root user under an init process, on a read-only root file system', () =>
      onEvery(async (service) => {
        const { Config, HostConfig } = await (await service.container()).inspect();
        expect(Config.User).toBe('node');
        expect(Config.Entrypoint).toEqual(['/usr/bin/tini', '--']);
        expect(HostConfig.ReadonlyRootfs).toBe(true);
      }));

    it('ship their bundle and their production dependencies, no sources, dev tools or deprecated request', () =>
      onEvery(async (service) => {
        const { output } = await exec(await service.container(), [
          'sh',
          '-c',
          'find /app -name "*.ts" -not -path "*/node_modules/*"; ls /app/node_modules; ' +
            'find /app/node_modules -path "*/request/package.json" -exec grep -h \'"name"\' {} +',
        ]);
        expect(output).not.toMatch(/\.ts$/m);
        expect(output).not.toMatch(DEV_PACKAGES);
        for (const name of output.split('\n').filter((line) => line.includes('"name"')))
          expect(name).toMatch(/"@cypress\/request"/);
      }));

    it('answer an unknown route with problem+json, and log JSON lines with their name and the request id', () =>
      onEvery(async (service) => {
        const requestId = `image-${randomBytes(4).toString('hex')}`;
        const unknown = await fetch(`${await service.url()}/no-such-route`, {
          headers: { 'X-Request-Id': requestId },
        });
        expect(unknown.status).toBe(404);
        expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const container = await service.container();
        await waitUntil(
          'the request log line',
          async () => (await logLines(container)).some((line) => line.includes(requestId)),
          30_000,
        );
        const entries = (await logLines(container)).map(
          (line) => JSON.parse(line) as Record<string, unknown>,
        );
        expect(entries.filter((entry) => entry.service !== service.spec.name)).toEqual([]);
        expect(entries.find((entry) => entry.requestId === requestId)).toMatchObject({
          service: service.spec.name,
        });
      }));

    it('say what they are: OCI labels with the version and commit, the same at /info and in the registry', async () => {
      const version = await imageVersion(stack().address.root);
      await onEvery(async (service) => {
        const { Config } = await docker.getImage(await service.image()).inspect();
        expect(Config.Labels).toMatchObject({
          'org.opencontainers.image.title': `pss-${service.spec.name}`,
          'org.opencontainers.image.version': version.PSS_VERSION,
          'org.opencontainers.image.revision': version.PSS_REVISION,
          'org.opencontainers.image.created': version.PSS_CREATED,
        });
        const info = await fetch(`${await service.url()}/info`);
        expect(await info.json()).toEqual({
          service: service.spec.name,
          version: version.PSS_VERSION,
          revision: version.PSS_REVISION,
        });
        if (!service.spec.registersAs) return;
        const addresses = await service.addresses();
        // UP once ready: compose waits for the container's health (alive) only.
        await eventually(async () => {
          const instance = (await service.registered()).find(({ ipAddr }) => addresses.includes(ipAddr));
          const readiness = await fetch(`${await service.url()}/health/ready`);
          expect({ ...instance, readiness: await readiness.text() }).toMatchObject({
            status: 'UP',
            metadata: expect.objectContaining({
              version: version.PSS_VERSION,
              revision: version.PSS_REVISION,
            }),
          });
        }, 60_000);
      });
    });

    it('report healthy through their HEALTHCHECK', () =>
      onEvery(async (service) => {
        expect((await (await service.container()).inspect()).State.Health?.Status).toBe('healthy');
      }));

    it('refuse to start with a malformed variable, naming it in a JSON line', () =>
      onEvery(async (service) => {
        const { code, lines } = await runToCompletion({ Image: await service.image(), Env: ['PORT=eighty'] });
        expect(code).toBe(1);
        const fatal = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'startup failed');
        expect(fatal.err.problems).toContain('PORT must be an integer number');
      }));

    if (specs.some(({ database }) => database)) {
      it('say, as they wait for a database that does not answer yet, each attempt in a JSON line with their name', () =>
        onEvery(
          async (service) => {
            const attempts = (lines: string[]) =>
              lines
                .map((line) => JSON.parse(line) as Record<string, unknown>)
                .filter((entry) => String(entry.msg).startsWith('Unable to connect to the database'));
            const lines = await logLinesWhileRunning(
              {
                Image: await service.image(),
                // Nothing listens on either port of its own loopback: every attempt is refused.
                Env: [
                  'DATABASE_URL=postgres://pss:pss@127.0.0.1:9/pss',
                  'RABBITMQ_URL=amqp://pss:pss@127.0.0.1:9',
                ],
                HostConfig: { NetworkMode: 'none' },
              },
              (printed) => attempts(printed).length >= 2,
              30_000,
            );
            expect(attempts(lines).slice(0, 2)).toEqual([
              expect.objectContaining({
                service: service.spec.name,
                msg: expect.stringContaining('Retrying (1)'),
              }),
              expect.objectContaining({
                service: service.spec.name,
                msg: expect.stringContaining('Retrying (2)'),
              }),
            ]);
          },
          (spec) => spec.database === true,
        ));

      it('migrate as a one-shot job, and revert their newest migration (a rollback) and apply it again', () =>
        onEvery(
          async (service) => {
            const output = await stack().compose(
              'run',
              '--rm',
              '--no-deps',
              '--env',
              'MIGRATE_ON_START=false',
              '--entrypoint',
              'sh',
              service.spec.service,
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
          },
          (spec) => spec.database === true,
        ));
    }

    it('exit with 0 on SIGTERM, before the engine would kill them, and leave the registry', async () => {
      const stop = async (service: ComposedContainer) => {
        const stopping = await service.container();
        const addresses = await service.addresses();
        const signalled = Date.now();
        await stopping.stop({ t: 10 });
        const { State } = await stopping.inspect();
        // What it did while it stopped, when it did not stop well: printed here too, as a CI log cut
        // short keeps the suites' first lines.
        const lastWords = State.ExitCode === 0 ? [] : (await logLines(stopping)).slice(-15);
        console.log(
          `${service.spec.name} exited ${Date.parse(State.FinishedAt) - signalled} ms after SIGTERM` +
            lastWords.map((line) => `\n  ${line}`).join(''),
        );
        expect({ exitCode: State.ExitCode, lastWords }).toEqual({ exitCode: 0, lastWords: [] });
        if (service.spec.registersAs)
          await eventually(async () => {
            const left = (await service.registered()).filter(({ ipAddr }) => addresses.includes(ipAddr));
            expect(left).toEqual([]);
          }, 10_000);
      };
      // The registry last: the others' leaving is read from it.
      await onEvery(stop, (spec) => spec.registersAs !== undefined);
      await onEvery(stop, (spec) => spec.registersAs === undefined);
    });
  });
}
