import { createTestDatabase, requireTestEnv, type TestDatabase } from '@pss/testing';
import { DataSource, QueryFailedError } from 'typeorm';
import { queryPrepared, type PreparedStatement } from '../src/database/prepared-statement';

const INSERT: PreparedStatement = {
  name: 'insert_seat',
  text: 'INSERT INTO seats (flight, seat) VALUES ($1, $2) RETURNING seat, taken_at AS "takenAt"',
};
const COUNT: PreparedStatement = { name: 'count_seats', text: 'SELECT count(*)::int AS seats FROM seats' };

describe('queryPrepared, on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(requireTestEnv('databaseUrl'));
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { max: 2 },
    }).initialize();
    await dataSource.query(`CREATE TABLE seats (flight text, seat text, taken_at timestamptz NOT NULL DEFAULT now(),
                            CONSTRAINT seats_taken UNIQUE (flight, seat))`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers rows as manager.query does, its timestamps as dates, prepared once on each connection that runs it', async () => {
    for (let row = 1; row <= 6; row++) {
      const [inserted] = await queryPrepared<{ seat: string; takenAt: Date }>(dataSource.manager, INSERT, [
        'BF101',
        `${row}A`,
      ]);
      expect(inserted).toEqual({ seat: `${row}A`, takenAt: expect.any(Date) });
    }
    // Both pooled connections at once, each asked what it holds: the statement, prepared on each
    // connection that ran it, and run there as often as it was called in all.
    const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      const held = await Promise.all(
        runners.map((runner) =>
          runner.query(
            "SELECT (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE name = 'insert_seat'",
          ),
        ),
      );
      const runs = held.flat() as { runs: number }[];
      expect(runs.length).toBeGreaterThanOrEqual(1);
      expect(runs.reduce((sum, { runs: count }) => sum + count, 0)).toBe(6);
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
  });

  it("runs in the caller's transaction, and a refused row comes as QueryFailedError with the constraint", async () => {
    const outcome = dataSource.transaction(async (manager) => {
      await queryPrepared(manager, INSERT, ['BF102', '1A']);
      expect(await queryPrepared(manager, COUNT, [])).toEqual([{ seats: 7 }]);
      await queryPrepared(manager, INSERT, ['BF102', '1A']);
    });
    await expect(outcome).rejects.toBeInstanceOf(QueryFailedError);
    await expect(outcome).rejects.toMatchObject({ driverError: { constraint: 'seats_taken' } });
    // Rolled back with the transaction: nothing of it stayed.
    expect(await queryPrepared(dataSource.manager, COUNT, [])).toEqual([{ seats: 6 }]);
  });
});
