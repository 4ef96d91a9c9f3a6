import { baseImages, freePort } from '@pss/testing';
import Docker from 'dockerode';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';

/**
 * A PostgreSQL of the test's own that can be stopped and started again under its clients. Its
 * host port is fixed, so the clients' URL stays valid across the restart (a restarted container
 * otherwise gets another port), as a database host does in production.
 */
export class RestartablePostgres {
  private readonly docker = new Docker();

  private constructor(
    private readonly container: StartedTestContainer,
    readonly url: string,
  ) {}

  static async start(): Promise<RestartablePostgres> {
    const port = await freePort();
    const container = await new GenericContainer(baseImages.postgres)
      .withEnvironment({ POSTGRES_USER: 'pss', POSTGRES_PASSWORD: 'pss', POSTGRES_DB: 'pss_test' })
      .withExposedPorts({ container: 5432, host: port })
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    return new RestartablePostgres(container, `postgres://pss:pss@${container.getHost()}:${port}/pss_test`);
  }

  /** `docker stop` then `docker start`: a fast shutdown that ends every session, then recovery. */
  async restart(): Promise<void> {
    const container = this.docker.getContainer(this.container.getId());
    await container.stop({ t: 10 });
    await container.start();
  }

  async remove(): Promise<void> {
    await this.container.stop();
  }
}
