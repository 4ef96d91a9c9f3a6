import {
  createTestDatabase,
  createTestVhost,
  requireTestEnv,
  type TestDatabase,
  type TestVhost,
} from '@pss/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from './harness';

/** A fresh database and a fresh vhost on the run's shared PostgreSQL and RabbitMQ. */
export interface SharedContainersContext {
  dataSource: DataSource;
  databaseUrl: string;
  brokerUrl: string;
  vhost: TestVhost;
  close(): Promise<void>;
}

export async function useSharedContainers(): Promise<SharedContainersContext> {
  const database: TestDatabase = await createTestDatabase(requireTestEnv('databaseUrl'));
  const vhost: TestVhost = await createTestVhost(
    requireTestEnv('rabbitmqUrl'),
    requireTestEnv('rabbitmqManagementUrl'),
  );
  const dataSource = await openDatabase(database.url);
  return {
    dataSource,
    databaseUrl: database.url,
    brokerUrl: vhost.url,
    vhost,
    async close() {
      await dataSource.destroy();
      await database.drop();
      await vhost.drop();
    },
  };
}
