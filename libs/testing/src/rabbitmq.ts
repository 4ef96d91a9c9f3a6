import { RabbitMQContainer, StartedRabbitMQContainer } from '@testcontainers/rabbitmq';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { baseImages } from './images';

/** Starts a RabbitMQ broker from the pinned image. The caller stops it. */
export function startRabbitMq(): Promise<StartedRabbitMQContainer> {
  // A cold Erlang VM on a busy 2-core machine can take longer than the module's 30 s default.
  // A channel's deliveries are checked against their acknowledgement timeout on its tick, once a
  // minute by default: every second here, so that a test of a timeout takes seconds.
  return new RabbitMQContainer(baseImages.rabbitmq)
    .withEnvironment({ RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-rabbit channel_tick_interval 1000' })
    .withStartupTimeout(120_000)
    .start();
}

/** The AMQP URL with credentials (the module's getAmqpUrl() has none). */
export function amqpUrl(container: StartedRabbitMQContainer): string {
  return `amqp://guest:guest@${container.getHost()}:${container.getMappedPort(5672)}`;
}

/**
 * A broker on a fixed host port (AMQP on `hostPort`), which stays when the container is stopped and
 * started again: for processes whose RABBITMQ_URL cannot follow a new port. The caller stops it.
 */
export function startRabbitMqOnPort(hostPort: number): Promise<StartedTestContainer> {
  return new GenericContainer(baseImages.rabbitmq)
    .withExposedPorts({ container: 5672, host: hostPort })
    .withWaitStrategy(Wait.forLogMessage('Server startup complete'))
    .withStartupTimeout(120_000)
    .start();
}
