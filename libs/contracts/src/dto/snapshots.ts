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

/** The first and last dates an owner holds (null, null when it holds none). */
export interface SnapshotDates {
  first: string | null;
  last: string | null;
}

/** Where a follower asks an owner for its state. */
export interface SnapshotSource {
  /** The owner's registry name. */
  service: string;
  /** Answers a `Snapshot` for `?from=&to=`. */
  path: string;
  /** Answers `SnapshotDates`: which dates to ask for, when the follower holds none of its own. */
  datesPath?: string;
  /** The owner serves it before it is ready itself (its own catch-up does not change it). */
  servesWhileStarting?: boolean;
}

/** fares' `GET /fares/snapshot`: as `fare.changed` would say it. */
export interface FareState {
  flightNumber: string;
  flightDate: string;
  fare: Money;
  fareVersion: number;
}

/** booking's `GET /inventories/snapshot`, and its `booking.inventory-changed`: the seats for sale. */
export interface InventoryState {
  flightNumber: string;
  flightDate: string;
  remainingSeats: number;
  inventoryVersion: number;
}

export const FARES_SNAPSHOT: SnapshotSource = { service: 'fares', path: '/fares/snapshot' };

export const INVENTORIES_SNAPSHOT: SnapshotSource = { service: 'booking', path: '/inventories/snapshot' };

/**
 * The schedule is search's own from its first transaction on; what search catches up with (fares,
 * seats) is not part of it. So a follower may take it from a search that is not ready yet, which
 * keeps a whole system started at once from waiting in a circle (search waits for booking, booking
 * for the schedule).
 */
export const SCHEDULE_SNAPSHOT: SnapshotSource = {
  service: 'search',
  path: '/schedule/snapshot',
  datesPath: '/schedule/dates',
  servesWhileStarting: true,
};
