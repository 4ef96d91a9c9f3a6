/**
 * An error as a log line may carry it: a failed query keeps its statement, SQLSTATE and
 * constraint, but not its parameters nor PostgreSQL's `detail` ("Key (reference)=(K7M4QX)
 * already exists"), which hold the values a client sent.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error) || !('parameters' in error || 'driverError' in error)) return error;
  const { code, constraint, table, column, query } = error as Error & Record<string, unknown>;
  const safe = Object.assign(new Error(error.message), { code, constraint, table, column, query });
  safe.name = error.name;
  safe.stack = error.stack;
  return safe;
}
