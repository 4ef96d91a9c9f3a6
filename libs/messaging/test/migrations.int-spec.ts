import { messagingMigrations } from '../src';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

describe('messaging migrations', () => {
  let context: SharedContainersContext;

  beforeAll(async () => {
    context = await useSharedContainers();
  });

  afterAll(() => context?.close());

  it('create exactly the tables the entities describe (no drift)', async () => {
    const pending = await context.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('revert cleanly and apply again', async () => {
    await context.dataSource.undoLastMigration(); // the test's own effects table
    for (let i = 0; i < messagingMigrations.length; i++) await context.dataSource.undoLastMigration();
    const tables = await context.dataSource.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('outbox_messages', 'inbox_messages')",
    );
    expect(tables).toEqual([{ n: 0 }]);
    await context.dataSource.runMigrations();
    expect((await context.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
