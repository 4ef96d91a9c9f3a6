import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { daysFromToday, docker, eventually, freePort, waitUntil, workspaceRoot } from '@pss/testing';
import { manifestServices } from '../../src';
import { startFrontDoorLoad, type LoadTally } from './front-door-load';
import {
  deploySwarmStack,
  operatorSettings,
  runScript,
  runScriptOrThrow,
  type SwarmStack,
} from './swarm-stack';

const run = promisify(execFile);
const STACK = 'pss-swarm-test';
// Every service of services.json runs replicated and registers, but lifecycle, which runs once (on a
// manager node) and scales the others; the registry's peers are single.
const REPLICATED = Object.entries(manifestServices())
  .filter(([, service]) => !service.lifecycleManager)
  .map(([name]) => name.toUpperCase());
const SERVICES = ['discovery', ...REPLICATED.map((app) => app.toLowerCase())];
const date = daysFromToday(3);

interface Instance {
  ipAddr: string;
  status: string;
  port: { $: number };
  metadata: Record<string, string>;
}

/** What tools/build/image-version.js makes of this work tree: the version the scripts tag. */
const workTreeVersion = async () =>
  JSON.parse(
    (await run('node', ['tools/build/image-version.js', '--json'], { cwd: workspaceRoot })).stdout,
  ) as { PSS_VERSION: string; PSS_REVISION: string; PSS_IMAGE_TAG: string };

/** The Swarm service that runs `service`'s image (the registry's image runs as two peers). */
const swarmServiceOf = (service: string) => `${STACK}_${service === 'discovery' ? 'discovery-1' : service}`;

/** The image each service of the stack runs, as Swarm has it (`<image>:<tag>@<digest>`). */
const serviceImages = async () =>
  Promise.all(
    SERVICES.map(async (service) => {
      const spec = (await docker.getService(swarmServiceOf(service)).inspect()) as {
        Spec: { TaskTemplate: { ContainerSpec: { Image: string } } };
      };
      return spec.Spec.TaskTemplate.ContainerSpec.Image;
    }),
  );

/** Each service's update state: `completed` once it finished its last update (or never had one). */
const updateStates = async () => {
  const { stdout } = await run('docker', [
    'service',
    'inspect',
    ...SERVICES.map(swarmServiceOf),
    '--format',
    '{{.Spec.Name}} {{if .UpdateStatus}}{{.UpdateStatus.State}}{{else}}completed{{end}}',
  ]);
  return stdout.trim().split('\n');
};
const updatesDone = async () => (await updateStates()).every((state) => state.endsWith(' completed'));

describe('PSS published to its image registry, and deployed from it to a single-node Docker Swarm', () => {
  let stack: SwarmStack;
  let registry: string;
  let settings: NodeJS.ProcessEnv;
  let version: Awaited<ReturnType<typeof workTreeVersion>>;

  beforeAll(async () => {
    registry = `127.0.0.1:${await freePort()}`;
    settings = operatorSettings(STACK, {
      PSS_IMAGE_REGISTRY_PORT: registry.split(':')[1],
      COMPOSE_PROJECT_NAME: `${STACK}-images`,
    });
    version = await workTreeVersion();
    await runScriptOrThrow('image-registry.sh', settings);
    await runScriptOrThrow('publish.sh', settings);
    // The images as this engine has them under the registry's name go: the swarm must pull them.
    await Promise.all(
      SERVICES.map((service) =>
        docker.getImage(`${registry}/pss/${service}:${version.PSS_IMAGE_TAG}`).remove(),
      ),
    );
    stack = await deploySwarmStack({ ...settings, PSS_IMAGE_PREFIX: `${registry}/pss` });
  }, 900_000);

  afterAll(async () => {
    await stack?.remove();
    if (settings) await runScript('image-registry.sh', settings, ['down', '--volumes']);
    // The names the swarm pulled go; the images stay while other names (pss/<service>) have them.
    const pulled = await docker.listImages({ filters: { reference: [`${registry}/pss/*`] } });
    const names = pulled.flatMap((image) => [...(image.RepoDigests ?? []), ...(image.RepoTags ?? [])]);
    for (const name of names.filter((reference) => reference.startsWith(`${registry}/`)))
      await docker.getImage(name).remove();
  }, 180_000);

  const instances = async (app: string): Promise<Instance[]> => {
    const { status, body } = await stack.fetch(`http://discovery-1:8761/eureka/apps/${app}`);
    return status === 200 ? (body as { application: { instance: Instance[] } }).application.instance : [];
  };

  it('runs two replicas of each stateless service, each registered UP at an address of its own', async () => {
    for (const app of REPLICATED)
      await eventually(async () => {
        const registered = await instances(app);
        expect(registered.map((instance) => instance.status)).toEqual(['UP', 'UP']);
        expect(new Set(registered.map((instance) => instance.ipAddr)).size).toBe(2);
      }, 60_000);
  }, 300_000);

  it('runs the version it published, pulled from the registry: OCI labels of this commit, /info and the registry metadata say it', async () => {
    const images = await serviceImages();
    for (const [i, image] of images.entries()) {
      expect(image).toMatch(
        new RegExp(`^${registry}/pss/${SERVICES[i]}:${version.PSS_IMAGE_TAG}@sha256:[0-9a-f]{64}$`),
      );
      // Pulled by digest, as Swarm pins it: the engine knows it by that name.
      const { Config } = await docker.getImage(image.replace(/:[^:/]+@/, '@')).inspect();
      expect(Config.Labels).toMatchObject({
        'org.opencontainers.image.title': `pss-${SERVICES[i]}`,
        'org.opencontainers.image.version': version.PSS_VERSION,
        'org.opencontainers.image.revision': version.PSS_REVISION,
      });
    }
    const running = { version: version.PSS_VERSION, revision: version.PSS_REVISION };
    for (const app of REPLICATED)
      for (const instance of await instances(app)) {
        expect(instance.metadata).toMatchObject(running);
        const { body } = await stack.fetch(`http://${instance.ipAddr}:${instance.port.$}/info`);
        expect(body).toEqual({ service: app.toLowerCase(), ...running });
      }
  });

  it('refuses to publish with no registry answering, or to deploy a version the registry does not hold, and changes nothing', async () => {
    const nowhere = `127.0.0.1:${await freePort()}`;
    const publish = await runScript('publish.sh', { ...settings, PSS_IMAGE_REGISTRY: nowhere });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain(
      `no image registry answers at http://${nowhere}/v2/: start it with bash scripts/image-registry.sh`,
    );
    expect(await docker.listImages({ filters: { reference: [`${nowhere}/pss/*`] } })).toEqual([]);

    const before = await serviceImages();
    const deploy = await runScript('swarm-deploy.sh', {
      ...settings,
      PSS_IMAGE_PREFIX: `${registry}/pss`,
      PSS_IMAGE_TAG: '0.0.0-unpublished',
    });
    expect(deploy.code).toBe(1);
    expect(deploy.stderr).toMatch(
      new RegExp(
        `the image registry at ${registry} holds no pss/[a-z]+:0\\.0\\.0-unpublished \\(publish it with scripts/publish\\.sh\\); nothing was deployed`,
      ),
    );
    expect(await serviceImages()).toEqual(before);
  });

  const bookBF100 = (fare: unknown) =>
    stack.fetch('http://booking:8060/bookings', {
      method: 'POST',
      body: {
        flightNumber: 'BF100',
        origin: 'SEA',
        destination: 'SFO',
        flightDate: date,
        fare,
        passengers: [{ firstName: 'Gean', lastName: 'Franc', gender: 'Female' }],
      },
    });

  it('takes a booking (booking asks fares through the registry) and search shows its seats gone', async () => {
    const seats = async () => {
      const { body } = await stack.fetch(
        `http://search:8090/flights?origin=SEA&destination=SFO&date=${date}`,
      );
      return (body as { flightNumber: string; seatsAvailable: number; fare: unknown }[])[0];
    };
    // Search shows the flight once fares filed its fare; booking sells it once the schedule's event
    // for it reached booking.
    await eventually(async () => expect((await seats())?.fare).toBeDefined(), 60_000);
    const before = await seats();
    await eventually(async () => {
      const { body } = await stack.fetch(`http://booking:8060/inventories/snapshot?from=${date}&to=${date}`);
      expect((body as { items: unknown[] }).items).toContainEqual(
        expect.objectContaining({ flightNumber: 'BF100' }),
      );
    }, 60_000);
    const { status, body } = await bookBF100(before.fare);
    expect([status, body]).toEqual([201, expect.objectContaining({ status: 'CONFIRMED' })]);
    await eventually(
      async () => expect((await seats()).seatsAvailable).toBe(before.seatsAvailable - 1),
      30_000,
    );
  });

  it("backs up every database on the node that holds them, and restores booking's: the backup's bookings, both replicas serving", async () => {
    const fare = (
      (await stack.fetch(`http://fares:8080/fares?flightNumber=BF100&flightDate=${date}`)).body as {
        fare: unknown;
      }
    ).fare;
    const kept = (await bookBF100(fare)).body as { id: string };
    const backups = mkdtempSync(join(tmpdir(), 'pss-swarm-backups-'));
    try {
      const backup = await runScript('backup.sh', settings, [backups]);
      expect(backup).toMatchObject({ code: 0, stderr: expect.stringContaining('backed up fares, search') });
      const [taken] = readdirSync(backups);
      const later = (await bookBF100(fare)).body as { id: string };
      const restore = await runScript('restore.sh', settings, [join(backups, taken), 'booking']);
      expect(restore).toMatchObject({ code: 0, stderr: expect.stringContaining('restored booking') });
      const status = async (id: string) => (await stack.fetch(`http://booking:8060/bookings/${id}`)).status;
      expect([await status(kept.id), await status(later.id)]).toEqual([200, 404]);
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
    await eventually(
      async () => expect((await instances('BOOKING')).map((i) => i.status)).toEqual(['UP', 'UP']),
      60_000,
    );
  }, 300_000);

  it('has Prometheus scraping every replica it found through the registry', async () => {
    await eventually(async () => {
      const { body } = await stack.fetch('http://prometheus:9090/api/v1/targets?state=active');
      const up = (
        body as { data: { activeTargets: { labels: { app: string }; health: string }[] } }
      ).data.activeTargets
        .filter((target) => target.health === 'up')
        .map((target) => target.labels.app);
      for (const app of REPLICATED) expect(up.filter((name) => name === app.toLowerCase())).toHaveLength(2);
    }, 60_000);
  });

  it('scales fares through lifecycle, whose Swarm backend changes the replica count: three registered UP, then two', async () => {
    const password = readFileSync(join(settings.PSS_SECRETS_DIR ?? '', 'operator-password'), 'utf8').trim();
    const operator = { authorization: `Basic ${Buffer.from(`operator:${password}`).toString('base64')}` };
    // The answer streams the scale's steps and ends with it.
    const scale = (replicas: number) =>
      stack.fetch('http://lifecycle:8000/services/fares/scale', {
        method: 'POST',
        body: { replicas },
        headers: operator,
      });
    const faresStatuses = async () => (await instances('FARES')).map((instance) => instance.status);
    // `running/desired`, e.g. 3/3 (the name filter matches fares-db too).
    const faresReplicas = async () =>
      (
        await run('docker', [
          'service',
          'ls',
          '--filter',
          `name=${STACK}_fares`,
          '--format',
          '{{.Name}} {{.Replicas}}',
        ])
      ).stdout
        .split('\n')
        .find((line) => line.startsWith(`${STACK}_fares `))
        ?.split(' ')[1];

    expect((await scale(3)).status).toBe(200);
    expect(await faresReplicas()).toBe('3/3');
    await eventually(async () => expect(await faresStatuses()).toEqual(['UP', 'UP', 'UP']), 30_000);
    const { body } = await stack.fetch('http://lifecycle:8000/services', { headers: operator });
    const overview = body as {
      backend: string;
      services: { name: string; containers: unknown[]; drift: unknown[] }[];
    };
    expect(overview.backend).toBe(`swarm stack ${STACK}`);
    expect(overview.services.find((service) => service.name === 'fares')).toMatchObject({
      containers: [{}, {}, {}],
      drift: [],
    });

    expect((await scale(2)).status).toBe(200);
    expect(await faresReplicas()).toBe('2/2');
    await eventually(async () => expect(await faresStatuses()).toEqual(['UP', 'UP']), 30_000);
  }, 300_000);
  it('rolls out the next version and back again, answering every passenger at the front door meanwhile', async () => {
    const next = { PSS_VERSION: version.PSS_VERSION.replace(/\d+$/, (patch) => String(Number(patch) + 1)) };
    const nextTag = `${next.PSS_VERSION}-${version.PSS_REVISION}`;
    await runScriptOrThrow('publish.sh', { ...settings, ...next });
    /** Each replicated service's instances in the registry: status and version. */
    const registered = async () =>
      Promise.all(
        REPLICATED.map(async (app) => ({
          app,
          replicas: (await instances(app)).map(({ status, metadata }) => `${status} ${metadata.version}`),
        })),
      );
    /** Every replica of every replicated service UP in the registry, running `running`. */
    const serving = async (running: string) =>
      (await updatesDone()) &&
      (await registered()).every(({ replicas }) => replicas.join() === `UP ${running},UP ${running}`);
    /** What the wait for `running` saw last, should it time out. */
    const seen = (running: string) => async () =>
      `every replica serving ${running}; updates: ${(await updateStates()).join(', ')}; registered: ${JSON.stringify(await registered())}`;
    const load = await startFrontDoorLoad(STACK, [
      `/api/search/flights?origin=SEA&destination=SFO&date=${date}`,
      `/api/fares/fares?flightNumber=BF101&flightDate=${date}`,
    ]);
    let tally: LoadTally;
    const started = Date.now();
    try {
      await runScriptOrThrow('swarm-deploy.sh', {
        ...settings,
        PSS_IMAGE_PREFIX: `${registry}/pss`,
        PSS_IMAGE_TAG: nextTag,
      });
      await waitUntil(seen(next.PSS_VERSION), () => serving(next.PSS_VERSION), 300_000, 1_000);
      const rollback = await runScriptOrThrow('swarm-rollback.sh', settings);
      expect(rollback.stderr).toContain(
        `rolling stack ${STACK} back from ${nextTag} to ${version.PSS_IMAGE_TAG}`,
      );
      await waitUntil(seen(version.PSS_VERSION), () => serving(version.PSS_VERSION), 300_000, 1_000);
    } finally {
      tally = await load.stop();
    }
    console.log(
      `rolled out ${next.PSS_VERSION} and back in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
        `${tally.sent} requests at the front door, ${tally.failed.length} failed`,
    );
    expect(tally.failed).toEqual([]);
    expect(tally.sent).toBeGreaterThan(100);
    for (const image of await serviceImages()) expect(image).toContain(`:${version.PSS_IMAGE_TAG}@`);
  }, 900_000);
});
