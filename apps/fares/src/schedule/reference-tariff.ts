import type { Money } from '@pss/contracts';

/**
 * The book's fares: what fares files for each of the book's flights on every date the schedule
 * announces it (the book's own seeds disagreed on BF100's; this is the fares service's). A flight
 * not listed waits for an operator to file its first fare.
 */
export const REFERENCE_TARIFF: ReadonlyMap<string, Money> = new Map(
  ['100.00', '101.00', '102.00', '103.00', '104.00', '105.00', '106.00'].map((amount, i) => [
    `BF${100 + i}`,
    { amount, currency: 'USD' },
  ]),
);
