import type { Money } from './money';

/**
 * What an owner answers a follower that catches up (`GET …/snapshot?from=&to=`): the state of every
 * flight and date in the range, at the version its latest event carried.
 */
export interface Snapshot<TItem> {
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  items: TItem[];
}

/** fares' `GET /fares/snapshot`: as `fare.changed` would say it. */
export interface FareState {
  flightNumber: string;
  flightDate: string;
  fare: Money;
  fareVersion: number;
}

/** booking's `GET /inventories/snapshot`: as `booking.confirmed` / `booking.cancelled` would say it. */
export interface InventoryState {
  flightNumber: string;
  flightDate: string;
  remainingSeats: number;
  inventoryVersion: number;
}
