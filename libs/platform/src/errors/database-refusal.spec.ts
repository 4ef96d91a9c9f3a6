import { QueryFailedError } from 'typeorm';
import { databaseRefusal } from './database-refusal';
import { loggableError } from './loggable-error';

const refused = (code: string, parameters: unknown[] = []) =>
  new QueryFailedError(
    'INSERT INTO passengers (first_name) VALUES ($1)',
    parameters,
    Object.assign(new Error('value too long for type character varying(60)'), {
      code,
      severity: 'ERROR',
      detail: 'Key (first_name)=(Gavin) already exists.',
    }),
  );

describe('databaseRefusal', () => {
  it('answers a value too long for its column with 400, without the statement or its values', () => {
    const answer = databaseRefusal(refused('22001', ['Gavin']));
    expect(answer).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'A value in the request is longer than this service keeps.',
    });
    expect(JSON.stringify(answer)).not.toMatch(/INSERT|Gavin|first_name/);
  });

  it.each([
    ['22021', 400],
    ['22P02', 400],
    ['23505', 409],
    ['23503', 422],
    ['23514', 422],
  ])('answers SQLSTATE %s with %i', (code, status) => {
    expect(databaseRefusal(refused(code))?.status).toBe(status);
  });

  it('leaves connection failures and other errors to the caller', () => {
    expect(databaseRefusal(refused('57P01'))).toBeUndefined();
    expect(databaseRefusal(Object.assign(new Error('x'), { code: '22001' }))).toBeUndefined();
    expect(databaseRefusal(new TypeError('x'))).toBeUndefined();
  });
});

describe('loggableError', () => {
  it('keeps a failed query without its parameters or the values in its detail', () => {
    const logged = loggableError(refused('22001', ['Gavin', 'secret-value']));
    const text = JSON.stringify({ ...(logged as object), message: (logged as Error).message });
    expect(text).toContain('22001');
    expect(text).toContain('INSERT INTO passengers');
    expect(text).not.toMatch(/secret-value|Gavin/);
  });

  it('leaves any other error as it is', () => {
    const error = new Error('boom');
    expect(loggableError(error)).toBe(error);
  });
});
