/** The book's flights and fares (USD); search seeds the same, so a booking's fare matches. */
export const BOOK_FARES = [
  { flightNumber: 'BF100', amount: '100.00' },
  { flightNumber: 'BF101', amount: '101.00' },
  { flightNumber: 'BF102', amount: '102.00' },
  { flightNumber: 'BF103', amount: '103.00' },
  { flightNumber: 'BF104', amount: '104.00' },
  { flightNumber: 'BF105', amount: '105.00' },
  { flightNumber: 'BF106', amount: '106.00' },
] as const;

export const BOOK_CURRENCY = 'USD';

/** Days before and after today (UTC) that the seed covers, so upcoming dates always have fares. */
export const SEED_WINDOW = { daysBefore: 7, daysAfter: 180 } as const;

export function seedWindow(today: Date): { from: string; to: string } {
  const shift = (days: number) => {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
    return date.toISOString().slice(0, 10);
  };
  return { from: shift(-SEED_WINDOW.daysBefore), to: shift(SEED_WINDOW.daysAfter) };
}
