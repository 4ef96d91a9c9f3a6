import { HttpStatus } from '@nestjs/common';
import { problem, type ProblemDetails } from './problem-details';

// PostgreSQL refused the data itself (SQLSTATE classes 22 and 23), not the connection: whatever
// validation let through (a value too long for its column, a NUL byte, a duplicate), the client's
// request caused it, so the answer is a 4xx that shows neither the statement nor its values.
const INTEGRITY: Record<string, [number, string]> = {
  '23505': [HttpStatus.CONFLICT, 'The request conflicts with data that exists already.'],
  '23503': [HttpStatus.UNPROCESSABLE_ENTITY, 'The request refers to something that does not exist.'],
  '23502': [HttpStatus.UNPROCESSABLE_ENTITY, 'The request lacks a value that is required.'],
  '23514': [HttpStatus.UNPROCESSABLE_ENTITY, 'A value in the request is not allowed.'],
};
const TOO_LONG = '22001';

/** The SQLSTATE of a PostgreSQL error, bare or wrapped by TypeORM. */
export function sqlStateOf(error: unknown): string | undefined {
  const driver = (error as { driverError?: unknown } | null)?.driverError ?? error;
  const { code, severity } = (driver ?? {}) as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && typeof severity === 'string' ? code : undefined;
}

/** The problem for a value PostgreSQL refused, or undefined when the error is not one. */
export function databaseRefusal(error: unknown): ProblemDetails | undefined {
  const state = sqlStateOf(error);
  if (state === undefined) return undefined;
  if (state === TOO_LONG)
    return problem(HttpStatus.BAD_REQUEST, 'A value in the request is longer than this service keeps.');
  if (state.startsWith('22'))
    return problem(HttpStatus.BAD_REQUEST, 'A value in the request cannot be stored as it is.');
  const [status, detail] = INTEGRITY[state] ?? [];
  return status === undefined ? undefined : problem(status, detail);
}
