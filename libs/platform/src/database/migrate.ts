import type { DataSource } from 'typeorm';
import type { PlatformDatabaseOptions } from '../platform-options';

// Any constant works: it only has to be the same for every instance of one service's database.
const MIGRATION_LOCK_KEY = 0x7053_5301;

/**
 * Applies pending migrations, then the seed, holding a PostgreSQL advisory lock so that several
 * instances starting together migrate one after the other. Returns the migrations applied.
 */
export async function migrateAndSeed(
  dataSource: DataSource,
  seed?: PlatformDatabaseOptions['seed'],
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (seed) await seed(dataSource);
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
