/**
 * The book's flights, all to SFO, at the book's fares (USD): the same fares the fares service
 * seeds, so that a booking made at the fare search shows is accepted. Times are UTC.
 */
export const BOOK_SCHEDULE = [
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

export const BOOK_CURRENCY = 'USD';

/**
 * Seats for sale on a seeded flight before any booking: the book's 100 seats less booking's
 * default safety buffer of 5. Booking's events replace it with its own figure.
 */
export const SEEDED_SEATS = 95;

/** Days before and after today (UTC) the seed covers, as the fares seed does. */
export const SEED_WINDOW = { daysBefore: 7, daysAfter: 180 } as const;

export function seedWindow(today: Date): { from: string; to: string } {
  const shift = (days: number) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days))
      .toISOString()
      .slice(0, 10);
  return { from: shift(-SEED_WINDOW.daysBefore), to: shift(SEED_WINDOW.daysAfter) };
}
