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
  const [postgresStart, rabbitmqStart] = await Promise.allSettled([startPostgres(), startRabbitMq()]);
  if (postgresStart.status === 'rejected' || rabbitmqStart.status === 'rejected') {
    // Jest runs no teardown after a failed setup, and Ryuk may be off: stop the one that started.
    for (const start of [postgresStart, rabbitmqStart])
      if (start.status === 'fulfilled') await start.value.stop();
    throw postgresStart.status === 'rejected'
      ? postgresStart.reason
      : (rabbitmqStart as PromiseRejectedResult).reason;
  }
  const [postgres, rabbitmq] = [postgresStart.value, rabbitmqStart.value];
  globalThis.__PSS_TEST_CONTAINERS__ = [postgres, rabbitmq];
  process.env[testEnv.databaseUrl] = postgres.getConnectionUri();
  process.env[testEnv.rabbitmqUrl] = amqpUrl(rabbitmq);
  process.env[testEnv.rabbitmqManagementUrl] =
    `http://guest:guest@${rabbitmq.getHost()}:${rabbitmq.getMappedPort(15672)}`;
}
