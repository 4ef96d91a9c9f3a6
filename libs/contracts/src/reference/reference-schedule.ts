/**
 * The book's flights, all to SFO, at the book's fares: the reference data fares, search and
 * booking each seed from, so that they agree on which flights exist, where they fly and what they
 * cost (the book's own seeds disagreed on BF100's fare). Times are UTC.
 */
export const REFERENCE_SCHEDULE = [
  {
    flightNumber: 'BF100',
    origin: 'SEA',
    destination: 'SFO',
    departs: '15:00',
    minutes: 125,
    fare: '100.00',
  },
  {
    flightNumber: 'BF101',
    origin: 'NYC',
    destination: 'SFO',
    departs: '13:00',
    minutes: 385,
    fare: '101.00',
  },
  {
    flightNumber: 'BF102',
    origin: 'CHI',
    destination: 'SFO',
    departs: '14:30',
    minutes: 270,
    fare: '102.00',
  },
  {
    flightNumber: 'BF103',
    origin: 'HOU',
    destination: 'SFO',
    departs: '16:00',
    minutes: 260,
    fare: '103.00',
  },
  { flightNumber: 'BF104', origin: 'LAX', destination: 'SFO', departs: '18:00', minutes: 85, fare: '104.00' },
  {
    flightNumber: 'BF105',
    origin: 'NYC',
    destination: 'SFO',
    departs: '17:00',
    minutes: 385,
    fare: '105.00',
  },
  {
    flightNumber: 'BF106',
    origin: 'NYC',
    destination: 'SFO',
    departs: '21:00',
    minutes: 385,
    fare: '106.00',
  },
] as const;

export type ReferenceFlight = (typeof REFERENCE_SCHEDULE)[number];

export const REFERENCE_CURRENCY = 'USD';

/** Seats on each of the book's flights. */
export const REFERENCE_AIRCRAFT_SEATS = 100;

/** Seats booking keeps back from sale on every flight, by default (the book's rule). */
export const DEFAULT_SAFETY_BUFFER = 5;

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
