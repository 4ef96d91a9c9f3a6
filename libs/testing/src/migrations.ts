import type { DataSource } from 'typeorm';

/**
 * The schema the entities describe is the schema the migrations make, and every migration's
 * `down` undoes it: reverted one by one, the migrations leave no table behind; then they apply
 * again, and the seed (when given) runs as at start-up.
 */
export async function expectMigrationsInStep(
  dataSource: DataSource,
  seed?: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const drift = await dataSource.driver.createSchemaBuilder().log();
  expect(drift.upQueries.map((query) => query.query)).toEqual([]);
  while (await hasApplied(dataSource)) await dataSource.undoLastMigration();
  const tables = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  expect(tables).toEqual([]);
  await dataSource.runMigrations();
  await seed?.(dataSource);
}

async function hasApplied(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM migrations');
  return count > 0;
}
