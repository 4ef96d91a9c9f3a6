import {
  createTestDatabase,
  createTestVhost,
  requireTestEnv,
  waitUntil,
  type TestDatabase,
  type TestVhost,
} from '@pss/testing';
import { publishReferenceFares, publishReferenceInventories } from '@pss/messaging/testing';
import { startService, type RunningService } from '@pss/platform/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface RunningSearch extends RunningService {
  get(path: string): Promise<Response>;
  /** The value of a counter with an `outcome` label on /metrics (0 before the first count). */
  counted(metric: string, outcome: string): Promise<number>;
  brokerUrl: string;
  close(): Promise<void>;
}

/**
 * The real search app on a fresh database and a fresh RabbitMQ vhost of the run's containers, alone:
 * the tests publish the events it follows. It has the book's fares (version 1, as fares files them)
 * and seats for sale (inventory version 1, as booking opens them) from today to 30 days ahead when
 * this resolves.
 */
export async function startSearch(env: Record<string, string> = {}): Promise<RunningSearch> {
  const database: TestDatabase = await createTestDatabase(requireTestEnv('databaseUrl'));
  const vhost: TestVhost = await createTestVhost(
    requireTestEnv('rabbitmqUrl'),
    requireTestEnv('rabbitmqManagementUrl'),
  );
  const service = await startService(AppModule, {
    DATABASE_URL: database.url,
    RABBITMQ_URL: vhost.url,
    ...env,
  });
  const fares = await publishReferenceFares(vhost.url);
  const seats = await publishReferenceInventories(vhost.url);
  const dataSource = service.app.get(DataSource);
  await waitUntil(
    "search has the book's fares and seats",
    async () => {
      const [{ priced, sold }] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE fare_version > 0)::int AS priced,
                count(*) FILTER (WHERE inventory_version > 0)::int AS sold FROM flights`,
      );
      return priced === fares.length && sold === seats.length;
    },
    60_000,
  );
  return {
    ...service,
    brokerUrl: vhost.url,
    get: (path) => fetch(`${service.baseUrl}${path}`),
    async counted(metric, outcome) {
      const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
      return Number(new RegExp(`${metric}\\{outcome="${outcome}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
    },
    async close() {
      await service.app.close();
      await database.drop();
      await vhost.drop();
    },
  };
}
