import type { ProblemDetails } from '@pss/platform';
import { publishReferenceSchedule } from '@pss/messaging/testing';
import { createTestDatabase, createTestVhost, requireTestEnv, waitUntil } from '@pss/testing';
import { DataSource } from 'typeorm';
import { startService, type RunningService } from '@pss/platform/testing';
import { AppModule } from '../src/app.module';

export interface RunningFares extends RunningService {
  /** RABBITMQ_URL of the fresh vhost it publishes to. */
  brokerUrl: string;
  close(): Promise<void>;
}

/**
 * The real fares app (migrations included) on a free port, on a fresh RabbitMQ vhost, and on
 * `databaseUrl` or else a fresh test database (dropped by close()), with `env` beside. The test plays the schedule's
 * owner: the book's flights from today to 30 days ahead are announced, and fares has filed
 * their fares (version 1) and relayed the `fare.changed` of each when this resolves.
 */
export async function startFares(
  databaseUrl?: string,
  env: Record<string, string> = {},
): Promise<RunningFares> {
  const database = databaseUrl ? undefined : await createTestDatabase(requireTestEnv('databaseUrl'));
  const vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
  const service = await startService(AppModule, {
    DATABASE_URL: database?.url ?? String(databaseUrl),
    RABBITMQ_URL: vhost.url,
    ...env,
  });
  const scheduled = await publishReferenceSchedule(vhost.url);
  const dataSource = service.app.get(DataSource);
  await waitUntil(
    "fares filed and announced the book's fares",
    async () => {
      const [{ fares, unsent }] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM fares) AS fares,
                (SELECT count(*)::int FROM outbox_messages WHERE sent_at IS NULL) AS unsent`,
      );
      return fares === scheduled.length && unsent === 0;
    },
    60_000,
  );
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
