import type { DataSource } from 'typeorm';
import type { PlatformDatabaseOptions } from '../platform-options';

// Any constant works: it only has to be the same for every instance of one service's database.
const MIGRATION_LOCK_KEY = 0x7053_5301;

/**
 * Applies pending migrations, then the seed, holding a PostgreSQL advisory lock so that several
 * instances starting together migrate one after the other. Returns the migrations applied.
 */
export function migrateAndSeed(
  dataSource: DataSource,
  seed?: PlatformDatabaseOptions['seed'],
): Promise<string[]> {
  return withMigrationLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (seed) await seed(dataSource);
    return applied.map((migration) => migration.name);
  });
}

/**
 * Runs the newest applied migration's `down`, under the same lock: the step before deploying the
 * previous version when a migration's `up` is not one that version can run on (docs/adr/0012).
 * Returns the migration reverted, or undefined when none was applied.
 */
export function revertLastMigration(dataSource: DataSource): Promise<string | undefined> {
  return withMigrationLock(dataSource, async () => {
    // The one TypeORM reverts: the last executed (highest id), whatever its timestamp.
    const applied: { name: string }[] = await dataSource.query(
      `SELECT name FROM "${dataSource.options.migrationsTableName ?? 'migrations'}" ORDER BY id DESC LIMIT 1`,
    );
    if (applied.length === 0) return undefined;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return applied[0].name;
  });
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
