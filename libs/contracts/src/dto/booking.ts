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
