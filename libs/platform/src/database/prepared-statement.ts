import type { PoolClient } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** A statement PostgreSQL parses and plans once per connection, then runs by its name. */
export interface PreparedStatement {
  /** Unique in the service: a connection keeps one statement per name. */
  name: string;
  text: string;
}

/**
 * `statement` with `parameters`, run as a named prepared statement on `manager`'s connection (its
 * transaction's, or one from the pool for this call). `manager.query` sends the text unnamed, so
 * PostgreSQL parses and plans it at every call: for a long statement run on every request, more
 * than the work it does (ADR 0020). Errors of the statement come as from `manager.query`, wrapped
 * in TypeORM's QueryFailedError.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  statement: PreparedStatement,
  parameters: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    try {
      return (await client.query({ ...statement, values: parameters })).rows as T[];
    } catch (error) {
      throw new QueryFailedError(statement.text, parameters, error as Error);
    }
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
