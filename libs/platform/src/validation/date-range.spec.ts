import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DateRangeQuery, daysInRange } from './date-range';

const problems = (query: object) =>
  validateSync(plainToInstance(DateRangeQuery, query), { stopAtFirstError: true }).map((error) => ({
    field: error.property,
    detail: Object.values(error.constraints ?? {})[0],
  }));

describe('DateRangeQuery', () => {
  it('takes one day up to 31, both ends included', () => {
    expect(daysInRange('2026-12-01', '2026-12-01')).toBe(1);
    expect(daysInRange('2026-12-01', '2026-12-31')).toBe(31);
    expect(problems({ from: '2026-12-01', to: '2026-12-01' })).toEqual([]);
    expect(problems({ from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
    expect(problems({ from: '2027-02-15', to: '2027-03-17' })).toEqual([]);
  });

  it.each([
    [{ from: '2026-12-01', to: '2027-01-01' }, 'to', /at most 31 days/],
    [{ from: '2026-12-02', to: '2026-12-01' }, 'to', /on or after from/],
    [{ from: '2026-12-01' }, 'to', /to is required/],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', /real calendar date/],
    [{ from: '2026-12-01', to: '01-DEC-26' }, 'to', /YYYY-MM-DD/],
  ])('refuses %j naming %s', (query, field, detail) => {
    expect(problems(query)).toEqual([{ field, detail: expect.stringMatching(detail) }]);
  });
});
