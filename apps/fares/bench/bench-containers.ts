// What both fares benches share: the image as the Dockerfile builds it, on a Docker network with
// what compose gives it (its PostgreSQL and a discovery registry), and how a container's idle
// memory is read.
import { baseImages, waitUntil, workspaceRoot } from '@pss/testing';
import type Docker from 'dockerode';
import { buildImage, docker, exec, imageSize, startFaresDatabase } from '../src/test/docker';

export const IMAGE = 'pss/fares:bench';
const DISCOVERY_IMAGE = 'pss/discovery:bench';
const DATABASE_URL = 'postgres://fares:fares@fares-db:5432/fares';
const DISCOVERY_URLS = 'http://discovery:8761/eureka/';

/** Builds the fares image and the registry's; resolves with the bytes fares adds above its base image. */
export async function buildBenchImages(): Promise<{ base: string; addedBytes: number }> {
  await buildImage('apps/discovery/Dockerfile', DISCOVERY_IMAGE, workspaceRoot);
  await buildImage('apps/fares/Dockerfile', IMAGE, workspaceRoot);
  return {
    base: baseImages.node,
    addedBytes: (await imageSize(IMAGE)) - (await imageSize(baseImages.node)),
  };
}

/** The node flags of the image's command (`node <flags> main.js`), for other scripts run in it. */
export async function imageNodeFlags(): Promise<string[]> {
  const command: string[] = (await docker.getImage(IMAGE).inspect()).Config.Cmd;
  const script = command.indexOf('main.js');
  if (command[0] !== 'node' || script < 0) throw new Error(`not node <flags> main.js: ${command.join(' ')}`);
  return command.slice(1, script);
}

export interface BenchNetwork {
  id: string;
  /** Removes `container` with the network. */
  track: (container: Docker.Container) => Docker.Container;
  /** Waits until the registry lists `app` (e.g. FARES), so that what is measured runs registered. */
  registered: (app: string) => Promise<void>;
  remove: () => Promise<void>;
}

/**
 * A Docker network with PostgreSQL on it as `fares-db` and a registry as `discovery`, so that fares
 * runs registered and heartbeating, as in compose; `remove` takes all of it down.
 */
export async function benchNetwork(): Promise<BenchNetwork> {
  const network = await docker.createNetwork({ Name: `fares-bench-${process.pid}` });
  const containers: Docker.Container[] = [];
  const track = (container: Docker.Container) => (containers.push(container), container);
  const remove = async () => {
    for (const container of containers) await container.remove({ force: true }).catch(() => undefined);
    await network.remove().catch(() => undefined);
  };
  try {
    track(await startFaresDatabase(network.id));
    const registry = track(
      await docker.createContainer({
        Image: DISCOVERY_IMAGE,
        Env: ['INSTANCE_HOST=discovery', 'LOG_LEVEL=warn'],
        HostConfig: { NetworkMode: network.id },
        NetworkingConfig: { EndpointsConfig: { [network.id]: { Aliases: ['discovery'] } } },
      }),
    );
    await registry.start();
    const lists = (app: string) =>
      `fetch('http://127.0.0.1:8761/eureka/apps/${app}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
    const registered = (app: string) =>
      waitUntil(
        `${app} in the registry`,
        async () => (await exec(registry, ['node', '-e', lists(app)])).code === 0,
        60_000,
      );
    return { id: network.id, track, registered, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * Starts a container from the fares image (its own command unless `command` is given) on
 * `network`, waits until `readyPath` answers 2xx, and resolves with its base URL.
 */
export async function startFromImage(
  network: BenchNetwork,
  options: { command?: string[]; binds?: string[]; readyPath: string },
): Promise<{ container: Docker.Container; base: string }> {
  const container = network.track(
    await docker.createContainer({
      Image: IMAGE,
      Cmd: options.command,
      Env: [`DATABASE_URL=${DATABASE_URL}`, `DISCOVERY_URLS=${DISCOVERY_URLS}`, 'LOG_LEVEL=warn'],
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: {
        NetworkMode: network.id,
        Binds: options.binds,
        PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
    }),
  );
  await container.start();
  const port = (await container.inspect()).NetworkSettings.Ports['8080/tcp'][0].HostPort;
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(base, async () => (await fetch(`${base}${options.readyPath}`)).ok, 90_000);
  return { container, base };
}

/** The resident memory of the container's node process (tini's child), from /proc. */
export async function residentMemory(container: Docker.Container): Promise<string> {
  const status = 'cat /proc/$(cut -d" " -f1 /proc/1/task/1/children)/status';
  const { output } = await exec(container, ['sh', '-c', status]);
  const mib = (field: string) =>
    (Number(new RegExp(`${field}:\\s+(\\d+)`).exec(output)?.[1] ?? NaN) / 1024).toFixed(1);
  return `RSS ${mib('VmRSS')} MiB (anonymous ${mib('RssAnon')}, file-backed ${mib('RssFile')})`;
}
