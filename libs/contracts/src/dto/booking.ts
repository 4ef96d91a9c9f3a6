import type { BookingStatus } from './booking-status';
import type { Money } from './money';

export interface PassengerSummary {
  firstName: string;
  lastName: string;
  gender: string;
}

/** A booking as the booking service answers `GET /bookings/{id}`: what check-in works from. */
export interface BookingSummary {
  id: string;
  reference: string;
  status: BookingStatus;
  flightNumber: string;
  origin: string;
  destination: string;
  /** YYYY-MM-DD */
  flightDate: string;
  fare: Money;
  passengers: PassengerSummary[];
  /** ISO 8601 UTC */
  createdAt: string;
}

/**
 * A booking the booking service holds CHECKED_IN for a check-in whose `checkin.completed` it has
 * not had, as `GET /check-in-agreements/unconfirmed` lists it for the check-in service.
 */
export interface UnconfirmedCheckinSummary {
  bookingId: string;
  checkinId: string;
  /** ISO 8601 UTC */
  unconfirmedSince: string;
}

/**
 * One page of `GET /check-in-agreements/unconfirmed`, the oldest first; `next`, present when more may
 * follow, is the `after` that asks for the page after it.
 */
export interface UnconfirmedCheckinsPage {
  items: UnconfirmedCheckinSummary[];
  next?: string;
}
