import type { Money, ScheduledFlightState } from '@pss/contracts';

const BASE_USD = 49;
const USD_PER_BLOCK_MINUTE = 0.45;
// Dearer when more people fly: Fridays and Sundays, July, August and December.
const BUSY_WEEKDAYS = new Set([0, 5]);
const BUSY_MONTHS = new Set([6, 7, 11]);
const BUSY_DAY_FACTOR = 1.15;
const BUSY_MONTH_FACTOR = 1.2;

/**
 * A fare by the flight's block time (departure to arrival: the longer the leg, the dearer) and its
 * date, in whole US dollars: what fares files for a flight of a generated network.
 */
export function blockTimeFare({ flightDate, departsAt, arrivesAt }: ScheduledFlightState): Money {
  const minutes = (Date.parse(arrivesAt) - Date.parse(departsAt)) / 60_000;
  const date = new Date(`${flightDate}T00:00:00Z`);
  const factor =
    (BUSY_WEEKDAYS.has(date.getUTCDay()) ? BUSY_DAY_FACTOR : 1) *
    (BUSY_MONTHS.has(date.getUTCMonth()) ? BUSY_MONTH_FACTOR : 1);
  const amount = Math.round((BASE_USD + USD_PER_BLOCK_MINUTE * minutes) * factor);
  return { amount: `${amount}.00`, currency: 'USD' };
}
