/**
 * The book's flights, all to SFO: the schedule search seeds and announces (fares, booking and
 * check-in follow from its events). Times are UTC.
 */
export const REFERENCE_SCHEDULE = [
  {
    flightNumber: 'BF100',
    origin: 'SEA',
    destination: 'SFO',
    departs: '15:00',
    minutes: 125,
  },
  {
    flightNumber: 'BF101',
    origin: 'NYC',
    destination: 'SFO',
    departs: '13:00',
    minutes: 385,
  },
  {
    flightNumber: 'BF102',
    origin: 'CHI',
    destination: 'SFO',
    departs: '14:30',
    minutes: 270,
  },
  {
    flightNumber: 'BF103',
    origin: 'HOU',
    destination: 'SFO',
    departs: '16:00',
    minutes: 260,
  },
  { flightNumber: 'BF104', origin: 'LAX', destination: 'SFO', departs: '18:00', minutes: 85 },
  {
    flightNumber: 'BF105',
    origin: 'NYC',
    destination: 'SFO',
    departs: '17:00',
    minutes: 385,
  },
  {
    flightNumber: 'BF106',
    origin: 'NYC',
    destination: 'SFO',
    departs: '21:00',
    minutes: 385,
  },
] as const;

export type ReferenceFlight = (typeof REFERENCE_SCHEDULE)[number];

/** Seats on each of the book's flights. */
export const REFERENCE_AIRCRAFT_SEATS = 100;

/** Days before and after today (UTC) the seeds cover, so that upcoming dates always have flights. */
export const SEED_WINDOW = { daysBefore: 7, daysAfter: 180 } as const;

/** The first and last date of the seed window around `today`, as YYYY-MM-DD. */
export function seedWindow(today: Date): { from: string; to: string } {
  const shift = (days: number) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days))
      .toISOString()
      .slice(0, 10);
  return { from: shift(-SEED_WINDOW.daysBefore), to: shift(SEED_WINDOW.daysAfter) };
}
