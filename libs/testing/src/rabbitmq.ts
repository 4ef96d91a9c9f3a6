import { RabbitMQContainer, StartedRabbitMQContainer } from '@testcontainers/rabbitmq';
import { baseImages } from './images';

/** Starts a RabbitMQ broker from the pinned image. The caller stops it. */
export function startRabbitMq(): Promise<StartedRabbitMQContainer> {
  // A cold Erlang VM on a busy 2-core machine can take longer than the module's 30 s default.
  return new RabbitMQContainer(baseImages.rabbitmq).withStartupTimeout(120_000).start();
}

/** The AMQP URL with credentials (the module's getAmqpUrl() has none). */
export function amqpUrl(container: StartedRabbitMQContainer): string {
  return `amqp://guest:guest@${container.getHost()}:${container.getMappedPort(5672)}`;
}
