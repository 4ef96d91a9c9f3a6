import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { waitUntil } from '../eventually';
import { baseImages } from '../images';
import { docker, exec, TEST_LABELS } from './docker-client';

export interface ContainerOptions {
  image: string;
  /** The name other containers on the network reach it by. */
  alias?: string;
  env?: Record<string, string>;
  command?: string[];
  /** Published on 127.0.0.1 at a free port (tests that call it from the host). */
  port?: number;
  /** host:container[:ro] bind mounts. */
  binds?: string[];
  /** A memory limit, as compose's `resources.limits.memory` sets one. */
  memoryMiB?: number;
}

/**
 * A Docker network of its own, as compose makes one, and the containers started on it; `remove`
 * takes all of them down. Containers are reached at their own addresses on the network, never
 * through a published port (docker-proxy would be part of what is measured).
 */
export class TestNetwork {
  private readonly containers: Docker.Container[] = [];

  private constructor(readonly network: Docker.Network) {}

  static async create(prefix: string): Promise<TestNetwork> {
    const name = `${prefix}-${randomBytes(4).toString('hex')}`;
    return new TestNetwork(await docker.createNetwork({ Name: name, Labels: TEST_LABELS }));
  }

  get id(): string {
    return this.network.id;
  }

  async start(options: ContainerOptions): Promise<Docker.Container> {
    const exposed = options.port ? { [`${options.port}/tcp`]: {} } : undefined;
    const container = await docker.createContainer({
      Image: options.image,
      Labels: TEST_LABELS,
      Cmd: options.command,
      Env: Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${value}`),
      ExposedPorts: exposed,
      HostConfig: {
        NetworkMode: this.id,
        Binds: options.binds,
        Memory: options.memoryMiB && options.memoryMiB * 1024 * 1024,
        PortBindings: exposed && { [`${options.port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
      },
      NetworkingConfig: options.alias
        ? { EndpointsConfig: { [this.id]: { Aliases: [options.alias] } } }
        : undefined,
    });
    this.containers.push(container);
    await container.start();
    return container;
  }

  /** PostgreSQL from the pinned image as `alias`, with user, password and database `database`. */
  async startPostgres(alias: string, database: string): Promise<Docker.Container> {
    const container = await this.start({
      image: baseImages.postgres,
      alias,
      env: { POSTGRES_USER: database, POSTGRES_PASSWORD: database, POSTGRES_DB: database },
    });
    await waitUntil(
      `PostgreSQL ${alias}`,
      async () => (await exec(container, ['pg_isready', '-h', '127.0.0.1', '-U', database])).code === 0,
      90_000,
    );
    return container;
  }

  /** The container's address on this network: what compose's other services connect to. */
  async address(container: Docker.Container): Promise<string> {
    const { NetworkSettings } = await container.inspect();
    const address = Object.values(NetworkSettings.Networks).find((n) => n.NetworkID === this.id)?.IPAddress;
    if (!address) throw new Error(`container ${container.id} has no address on ${this.network.id}`);
    return address;
  }

  /** http://127.0.0.1:<port> of a port started with `port`. */
  async publishedUrl(container: Docker.Container, port: number): Promise<string> {
    const { NetworkSettings } = await container.inspect();
    return `http://127.0.0.1:${NetworkSettings.Ports[`${port}/tcp`][0].HostPort}`;
  }

  async remove(): Promise<void> {
    for (const container of this.containers.reverse())
      await container.remove({ force: true }).catch(() => undefined);
    await this.network.remove().catch(() => undefined);
  }
}
