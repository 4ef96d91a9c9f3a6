import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsIsoDate, IsTodayOrLater, todayUtc } from './dates';

class Trip {
  @IsTodayOrLater('date') @IsIsoDate('date') date!: string;
}

const problems = (date: unknown) =>
  validateSync(plainToInstance(Trip, { date }), { stopAtFirstError: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('date validation', () => {
  it('accepts today and later days', () => {
    expect(problems(todayUtc())).toEqual([]);
    expect(problems('2999-12-31')).toEqual([]);
  });

  it.each([
    [undefined, 'date is required'],
    ['22-JAN-16', 'date must be a date as YYYY-MM-DD'],
    ['2026-02-30', 'date must be a real calendar date'],
    ['2000-01-01', 'date must not be in the past'],
  ])('refuses %p: %s', (date, message) => {
    expect(problems(date)).toEqual([message]);
  });
});
