import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FareQuery } from './fare-query.dto';

const problems = (query: object) =>
  validateSync(plainToInstance(FareQuery, query), { stopAtFirstError: true }).map((error) => ({
    field: error.property,
    detail: Object.values(error.constraints ?? {})[0],
  }));

describe('FareQuery', () => {
  it('accepts a book flight number and a real date', () => {
    expect(problems({ flightNumber: 'BF101', flightDate: '2026-12-01' })).toEqual([]);
    expect(problems({ flightNumber: 'BF1234', flightDate: '2028-02-29' })).toEqual([]);
  });

  it.each([
    [{ flightDate: '2026-12-01' }, 'flightNumber', 'flightNumber is required'],
    [
      { flightNumber: 'bf101', flightDate: '2026-12-01' },
      'flightNumber',
      'flightNumber must look like BF101',
    ],
    [{ flightNumber: 'BF10', flightDate: '2026-12-01' }, 'flightNumber', 'flightNumber must look like BF101'],
    [{ flightNumber: 'BF101' }, 'flightDate', 'flightDate is required'],
    [
      { flightNumber: 'BF101', flightDate: '01-DEC-26' },
      'flightDate',
      'flightDate must be a date as YYYY-MM-DD',
    ],
    [
      { flightNumber: 'BF101', flightDate: '2026-12-01T10:00' },
      'flightDate',
      'flightDate must be a date as YYYY-MM-DD',
    ],
    [
      { flightNumber: 'BF101', flightDate: '2026-02-30' },
      'flightDate',
      'flightDate must be a real calendar date',
    ],
    [
      { flightNumber: 'BF101', flightDate: '2027-02-29' },
      'flightDate',
      'flightDate must be a real calendar date',
    ],
  ])('rejects %j naming %s', (query, field, detail) => {
    expect(problems(query)).toEqual([{ field, detail: expect.stringContaining(detail) }]);
  });
});
