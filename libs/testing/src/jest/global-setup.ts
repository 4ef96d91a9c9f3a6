import type { StartedTestContainer } from 'testcontainers';
import { amqpUrl, startRabbitMq } from '../rabbitmq';
import { startPostgres } from '../postgres';
import { testEnv } from './env';

declare global {
  var __PSS_TEST_CONTAINERS__: StartedTestContainer[] | undefined;
}

/** Starts one PostgreSQL and one RabbitMQ for the whole integration run (in parallel). */
export default async function globalSetup(): Promise<void> {
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= 'localhost';
  const [postgres, rabbitmq] = await Promise.all([startPostgres(), startRabbitMq()]);
  globalThis.__PSS_TEST_CONTAINERS__ = [postgres, rabbitmq];
  process.env[testEnv.databaseUrl] = postgres.getConnectionUri();
  process.env[testEnv.rabbitmqUrl] = amqpUrl(rabbitmq);
  process.env[testEnv.rabbitmqManagementUrl] =
    `http://guest:guest@${rabbitmq.getHost()}:${rabbitmq.getMappedPort(15672)}`;
}
