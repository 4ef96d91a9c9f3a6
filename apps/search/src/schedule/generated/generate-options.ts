import { parseArgs } from 'node:util';
import { MAX_FLIGHTS_PER_DAY, minimumFlightsPerDay, type NetworkOptions } from './generated-network';

export interface GenerateOptions extends NetworkOptions {
  days: number;
  /** The first date, YYYY-MM-DD. */
  from: string;
}

const LIMITS = {
  'flights-per-day': [2, MAX_FLIGHTS_PER_DAY],
  days: [1, 731],
  airports: [3, 1_000],
  seed: [0, 2 ** 31 - 1],
} as const;

/**
 * `--flights-per-day 1000 --days 365 --airports 80 --seed 1 --from 2027-01-01` (each optional: 1,000
 * flights a day between 80 airports for a year from today, seed 1); throws naming a bad option.
 */
export function parseGenerateOptions(args: string[], today = new Date()): GenerateOptions {
  const { values } = parseArgs({
    args,
    options: {
      'flights-per-day': { type: 'string', default: '1000' },
      days: { type: 'string', default: '365' },
      airports: { type: 'string', default: '80' },
      seed: { type: 'string', default: '1' },
      from: { type: 'string', default: today.toISOString().slice(0, 10) },
    },
    strict: true,
  });
  const number = (name: keyof typeof LIMITS) => {
    const [low, high] = LIMITS[name];
    const value = Number(values[name]);
    if (!/^\d+$/.test(values[name]) || value < low || value > high)
      throw new Error(`--${name} must be a whole number from ${low} to ${high}, not ${values[name]}`);
    return value;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.from) || Number.isNaN(Date.parse(`${values.from}T00:00:00Z`)))
    throw new Error(`--from must be a date such as 2027-01-01, not ${values.from}`);
  const options = {
    flightsPerDay: number('flights-per-day'),
    days: number('days'),
    airports: number('airports'),
    seed: number('seed'),
    from: values.from,
  };
  const fewest = minimumFlightsPerDay(options.airports);
  if (options.flightsPerDay < fewest)
    throw new Error(
      `--flights-per-day must be ${fewest} at least to serve ${options.airports} airports, not ${options.flightsPerDay}`,
    );
  return options;
}
