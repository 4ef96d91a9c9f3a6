import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { eventually, waitUntil } from '../eventually';
import { baseImages } from '../images';
import { testRegistryEnv, withRegistryCredentials } from '../accounts/registry-credentials';
import { buildServiceImage, imageVersion } from './build-image';
import { docker, exec, imageSize, logLines, runToCompletion } from './docker-client';
import { TestNetwork } from './test-network';

export interface ServiceImageSpec {
  /** The app's folder under apps/ and its service name. */
  service: string;
  /** Its default port. */
  port: number;
  /** A GET that a user makes, and what a healthy instance answers it (200 unless said). */
  probe: () => string;
  probeStatus?: number;
  /** The name it registers under; the registry's own image leaves it out. */
  registersAs?: string;
  /** It owns a PostgreSQL database (as `<service>-db`, user, password and database `<service>`). */
  database?: boolean;
  /** It talks to RabbitMQ (as `rabbitmq`). */
  broker?: boolean;
  /** More variables it needs to start. */
  env?: Record<string, string>;
}

/** The service's own registry account: its name, allowed to write what it registers as. */
const accountOf = (spec: ServiceImageSpec) =>
  spec.registersAs ? { [spec.service]: [spec.registersAs] } : {};

const DEV_PACKAGES =
  /^(typescript|jest|nx|esbuild|@swc|@nx|testcontainers|@testcontainers|@nestjs\/testing|autocannon)$/m;
const MB = 1_000_000;

/**
 * What every service image must do, checked on the image as compose runs it: on a network of its
 * own with its database, broker and a registry, reached at its address on that network.
 */
export function describeServiceImage(spec: ServiceImageSpec): void {
  describe(`the ${spec.service} image`, () => {
    const tag = `pss/${spec.service}:test`;
    let network: TestNetwork;
    let container: Docker.Container;
    let baseUrl: string;
    let registryUrl: string;

    const env = (): Record<string, string> => ({
      ...(spec.database && {
        DATABASE_URL: `postgres://${spec.service}:${spec.service}@${spec.service}-db:5432/${spec.service}`,
      }),
      ...(spec.broker && { RABBITMQ_URL: `amqp://${spec.service}:${spec.service}@rabbitmq:5672` }),
      ...(spec.registersAs && {
        DISCOVERY_URLS: withRegistryCredentials('http://discovery:8761/eureka/', spec.service),
      }),
      // Alone on its network, the image has no owner to catch up from.
      CATCH_UP: 'false',
      ...spec.env,
    });
    const registered = async () => {
      const response = await fetch(`${registryUrl}/eureka/apps/${spec.registersAs}`, {
        headers: { accept: 'application/json' },
      });
      if (response.status === 404) return [];
      const { application } = (await response.json()) as {
        application: {
          instance: {
            status: string;
            port: { $: number };
            ipAddr: string;
            metadata?: Record<string, string>;
          }[];
        };
      };
      return application.instance;
    };

    beforeAll(async () => {
      if (spec.registersAs) await buildServiceImage('discovery', 'pss/discovery:test');
      await buildServiceImage(spec.service, tag);
      network = await TestNetwork.create(`${spec.service}-image`);
      if (spec.database) await network.startPostgres(`${spec.service}-db`, spec.service);
      if (spec.broker) {
        await network.start({
          image: baseImages.rabbitmq,
          alias: 'rabbitmq',
          env: { RABBITMQ_DEFAULT_USER: spec.service, RABBITMQ_DEFAULT_PASS: spec.service },
        });
      }
      if (spec.registersAs) {
        const registry = await network.start({
          image: 'pss/discovery:test',
          alias: 'discovery',
          env: { LOG_LEVEL: 'warn', ...testRegistryEnv(accountOf(spec)) },
        });
        registryUrl = `http://${await network.address(registry)}:8761`;
      }
      container = await network.start({ image: tag, env: env() });
      baseUrl = `http://${await network.address(container)}:${spec.port}`;
      await waitUntil(
        `${spec.service} to be ready`,
        async () => (await fetch(`${baseUrl}/health/ready`)).ok,
        120_000,
      );
    }, 900_000);

    afterAll(async () => {
      await network?.remove();
    });

    it('runs as a non-root user under an init process', async () => {
      const { Config } = await container.inspect();
      expect(Config.User).toBe('node');
      expect(Config.Entrypoint).toEqual(['/usr/bin/tini', '--']);
      const added = (await imageSize(tag)) - (await imageSize(baseImages.node));
      console.log(`${tag}: ${(added / MB).toFixed(1)} MB above ${baseImages.node}`);
    });

    it('ships its bundle and its production dependencies, no sources, dev tools or deprecated request', async () => {
      const { output } = await exec(container, [
        'sh',
        '-c',
        'find /app -name "*.ts" -not -path "*/node_modules/*"; ls /app/node_modules',
      ]);
      expect(output).not.toMatch(/\.ts$/m);
      expect(output).not.toMatch(DEV_PACKAGES);
      const requests = await exec(container, [
        'sh',
        '-c',
        'find /app/node_modules -path "*/request/package.json" -exec grep -h \'"name"\' {} +',
      ]);
      for (const name of requests.output.split('\n').filter(Boolean))
        expect(name).toMatch(/"@cypress\/request"/);
    });

    it('answers as a user calls it, and logs JSON lines with its name and the request id', async () => {
      expect((await fetch(`${baseUrl}${spec.probe()}`)).status).toBe(spec.probeStatus ?? 200);
      const requestId = `image-${randomBytes(4).toString('hex')}`;
      const unknown = await fetch(`${baseUrl}/no-such-route`, { headers: { 'X-Request-Id': requestId } });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      await waitUntil(
        'the request log line',
        async () => (await logLines(container)).some((line) => line.includes(requestId)),
        30_000,
      );
      const entries = (await logLines(container)).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.every((entry) => entry.service === spec.service)).toBe(true);
      expect(entries.find((entry) => entry.requestId === requestId)).toMatchObject({ service: spec.service });
    });

    it('says what it is: OCI labels with the version and commit, and the same at /info', async () => {
      const version = await imageVersion();
      const { Config } = await docker.getImage(tag).inspect();
      expect(Config.Labels).toMatchObject({
        'org.opencontainers.image.title': `pss-${spec.service}`,
        'org.opencontainers.image.version': version.PSS_VERSION,
        'org.opencontainers.image.revision': version.PSS_REVISION,
        'org.opencontainers.image.created': version.PSS_CREATED,
      });
      const info = await fetch(`${baseUrl}/info`);
      expect(await info.json()).toEqual({
        service: spec.service,
        version: version.PSS_VERSION,
        revision: version.PSS_REVISION,
      });
    });

    it('reports healthy through its HEALTHCHECK', async () => {
      await waitUntil(
        'Docker health',
        async () => (await container.inspect()).State.Health?.Status === 'healthy',
        60_000,
      );
    });

    if (spec.registersAs) {
      it('registers as UP at its address and the port it listens on', async () => {
        const address = await network.address(container);
        const version = await imageVersion();
        await eventually(async () => {
          expect(await registered()).toEqual([
            expect.objectContaining({
              status: 'UP',
              ipAddr: address,
              port: expect.objectContaining({ $: spec.port }),
              metadata: expect.objectContaining({
                version: version.PSS_VERSION,
                revision: version.PSS_REVISION,
              }),
            }),
          ]);
        }, 30_000);
      });
    }

    if (spec.database) {
      /** `node main.js <command>` with the image beside the running service; its log messages. */
      const oneShot = async (command: string) => {
        const { code, lines } = await runToCompletion({
          Image: tag,
          Cmd: ['node', 'main.js', command],
          Env: Object.entries({ ...env(), MIGRATE_ON_START: 'false' }).map(
            ([name, value]) => `${name}=${value}`,
          ),
          HostConfig: { NetworkMode: network.id },
        });
        expect(code).toBe(0);
        return lines.map((line) => JSON.parse(line).msg as string);
      };

      it('migrates and seeds as a one-shot command, for a job to run before the service', async () => {
        expect(await oneShot('migrate')).toContain('database migrated (0 applied) and seeded');
      });

      it('reverts its newest migration as a one-shot command (a rollback), and applies it again', async () => {
        const reverted = (await oneShot('migrate:revert')).find((msg) =>
          msg.startsWith('reverted migration '),
        );
        expect(reverted).toMatch(/^reverted migration \w+\d{13}$/);
        expect(await oneShot('migrate')).toContain('database migrated (1 applied) and seeded');
      });
    }

    it('refuses to start with a malformed variable, naming it in a JSON line', async () => {
      const { code, lines } = await runToCompletion({ Image: tag, Env: ['PORT=eighty'] });
      expect(code).toBe(1);
      const fatal = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'startup failed');
      expect(fatal.err.problems).toContain('PORT must be an integer number');
    });

    it(`exits with 0 on SIGTERM, before the engine would kill it${spec.registersAs ? ', and leaves the registry' : ''}`, async () => {
      const signalled = Date.now();
      await container.stop({ t: 10 });
      const { State } = await container.inspect();
      console.log(`${spec.service} exited ${Date.parse(State.FinishedAt) - signalled} ms after SIGTERM`);
      expect(State.ExitCode).toBe(0);
      if (spec.registersAs) await eventually(async () => expect(await registered()).toEqual([]), 10_000);
    });
  });
}
