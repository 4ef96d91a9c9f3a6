import type { ProblemDetails } from '@pss/platform';
import { createTestDatabase, createTestVhost, requireTestEnv } from '@pss/testing';
import { startService, type RunningService } from '@pss/platform/testing';
import { AppModule } from '../src/app.module';

export interface RunningFares extends RunningService {
  /** RABBITMQ_URL of the fresh vhost it publishes to. */
  brokerUrl: string;
  close(): Promise<void>;
}

/**
 * The real fares app (migrations and seed included) on a free port, on a fresh RabbitMQ vhost, and
 * on `databaseUrl` or else a fresh test database (dropped by close()).
 */
export async function startFares(databaseUrl?: string): Promise<RunningFares> {
  const database = databaseUrl ? undefined : await createTestDatabase(requireTestEnv('databaseUrl'));
  const vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
  const service = await startService(AppModule, {
    DATABASE_URL: database?.url ?? String(databaseUrl),
    RABBITMQ_URL: vhost.url,
  });
  return {
    ...service,
    brokerUrl: vhost.url,
    async close() {
      await service.app.close();
      await vhost.drop();
      await database?.drop();
    },
  };
}

/** The problem document of an answer, which must say it is one. */
export async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as ProblemDetails;
}
