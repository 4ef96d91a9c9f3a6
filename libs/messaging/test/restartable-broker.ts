import { startRabbitMq } from '@pss/testing';
import Docker from 'dockerode';
import type { StartedTestContainer } from 'testcontainers';

/**
 * A RabbitMQ container of the test's own that can be stopped and started again. Docker gives a
 * restarted container a new host port (the port was published as "any free port"), so `url` is a
 * function: BrokerConnection asks it before every connection attempt and reaches the broker on its
 * current port. The container keeps its file system and host name, so durable queues and
 * persistent messages survive the restart, as with a volume in production.
 */
export class RestartableBroker {
  private readonly docker = new Docker();

  private constructor(private readonly container: StartedTestContainer) {}

  static async start(): Promise<RestartableBroker> {
    return new RestartableBroker(await startRabbitMq());
  }

  /** The current AMQP URL; throws while the broker is down (a failed connection attempt). */
  readonly url = async (): Promise<string> => {
    const info = await this.docker.getContainer(this.container.getId()).inspect();
    const port = info.NetworkSettings.Ports['5672/tcp']?.[0]?.HostPort;
    if (!info.State.Running || !port) throw new Error('the test broker is stopped');
    return `amqp://guest:guest@${this.container.getHost()}:${port}`;
  };

  /** Graceful stop, like `docker stop` of a broker being restarted. */
  async stop(): Promise<void> {
    await this.docker.getContainer(this.container.getId()).stop({ t: 10 });
  }

  async start(): Promise<void> {
    await this.docker.getContainer(this.container.getId()).start();
  }

  async remove(): Promise<void> {
    await this.container.stop();
  }
}
