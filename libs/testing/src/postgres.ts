import { PostgreSqlContainer, StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { baseImages } from './images';

/** Starts a PostgreSQL server from the pinned image. The caller stops it. */
export function startPostgres(): Promise<StartedPostgreSqlContainer> {
  return new PostgreSqlContainer(baseImages.postgres)
    .withDatabase('pss_test')
    .withUsername('pss')
    .withPassword('pss')
    .withCommand([
      'postgres',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ])
    .start();
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database on the server at `serverUrl`, named `test_<random>`, so every suite
 * starts clean. Refuses any server URL whose database is not a test database.
 */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const server = new URL(serverUrl);
  if (!/test/.test(server.pathname)) {
    throw new Error(
      `refusing to create test databases on ${server.host}${server.pathname}: not a test server`,
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
