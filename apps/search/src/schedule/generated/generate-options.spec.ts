import { parseGenerateOptions } from './generate-options';

describe('parseGenerateOptions', () => {
  const today = new Date('2026-12-04T10:00:00Z');

  it('takes a year of 1,000 flights a day between 80 airports from today, seed 1, unless told', () => {
    expect(parseGenerateOptions([], today)).toEqual({
      flightsPerDay: 1_000,
      days: 365,
      airports: 80,
      seed: 1,
      from: '2026-12-04',
    });
  });

  it('reads every option', () => {
    const args = [
      '--flights-per-day',
      '40',
      '--days',
      '3',
      '--airports',
      '12',
      '--seed',
      '9',
      '--from',
      '2027-01-31',
    ];
    expect(parseGenerateOptions(args, today)).toEqual({
      flightsPerDay: 40,
      days: 3,
      airports: 12,
      seed: 9,
      from: '2027-01-31',
    });
  });

  it.each([
    [['--days', '0'], '--days must be a whole number from 1 to 731, not 0'],
    [['--flights-per-day', '1.5'], '--flights-per-day must be a whole number from 2 to 9000, not 1.5'],
    [['--airports', 'many'], '--airports must be a whole number from 3 to 1000, not many'],
    [['--from', '2027-02-30x'], '--from must be a date such as 2027-01-01, not 2027-02-30x'],
    [
      ['--airports', '50', '--flights-per-day', '60'],
      '--flights-per-day must be 110 at least to serve 50 airports, not 60',
    ],
    [['--flights'], "Unknown option '--flights'"],
  ])('refuses %j, saying why', (args, message) => {
    expect(() => parseGenerateOptions(args, today)).toThrow(message);
  });
});
