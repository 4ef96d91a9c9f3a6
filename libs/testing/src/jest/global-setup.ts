import type { StartedTestContainer } from 'testcontainers';
import { amqpUrl, startRabbitMq } from '../rabbitmq';
import { startPostgres } from '../postgres';
import { testEnv } from './env';

declare global {
  var __PSS_TEST_CONTAINERS__: StartedTestContainer[] | undefined;
}

/**
 * Starts one PostgreSQL and one RabbitMQ for the whole integration run (in parallel). If either
 * fails to start, the other is stopped before the run fails: jest runs no teardown after a failed
 * setup, and with Ryuk disabled nothing else would remove it. A run inside another (the generator
 * test runs a generated service's tests) is given the outer run's servers, and starts none.
 */
export default async function globalSetup(): Promise<void> {
  if (Object.values(testEnv).every((name) => process.env[name])) return;
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= 'localhost';
  const [postgres, rabbitmq] = await Promise.allSettled([startPostgres(), startRabbitMq()]);
  if (postgres.status === 'rejected' || rabbitmq.status === 'rejected') {
    const started = [postgres, rabbitmq].filter((result) => result.status === 'fulfilled');
    await Promise.all(started.map(({ value }) => value.stop()));
    throw [postgres, rabbitmq].find((result) => result.status === 'rejected')?.reason;
  }
  globalThis.__PSS_TEST_CONTAINERS__ = [postgres.value, rabbitmq.value];
  process.env[testEnv.databaseUrl] = postgres.value.getConnectionUri();
  process.env[testEnv.rabbitmqUrl] = amqpUrl(rabbitmq.value);
  process.env[testEnv.rabbitmqManagementUrl] =
    `http://guest:guest@${rabbitmq.value.getHost()}:${rabbitmq.value.getMappedPort(15672)}`;
}
