import { QueryFailedError } from 'typeorm';
import { isDependencyUnavailable } from './dependency-unavailable';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });

describe('isDependencyUnavailable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'])(
    'is true for a %s socket error',
    (code) => {
      expect(isDependencyUnavailable(withCode(code))).toBe(true);
    },
  );

  it.each(['08006', '08001', '57P01', '57P03', '53300'])('is true for PostgreSQL state %s', (code) => {
    expect(isDependencyUnavailable(withCode(code))).toBe(true);
  });

  it("is true for node-postgres' lost and timed-out connections", () => {
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('looks through TypeORM query failures and error causes', () => {
    const lost = new QueryFailedError('SELECT 1', [], withCode('57P01'));
    expect(isDependencyUnavailable(lost)).toBe(true);
    expect(isDependencyUnavailable(new Error('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe(
      true,
    );
  });

  it('is false for bugs and for errors the data caused', () => {
    expect(isDependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDependencyUnavailable(new QueryFailedError('INSERT', [], withCode('23505')))).toBe(false);
    expect(isDependencyUnavailable(withCode('22P02'))).toBe(false);
    expect(isDependencyUnavailable(undefined)).toBe(false);
    expect(isDependencyUnavailable('ECONNREFUSED')).toBe(false);
  });
});
