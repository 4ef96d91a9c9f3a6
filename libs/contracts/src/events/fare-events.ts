import type { Money } from '../dto/money';
import type { IntegrationEvent } from './integration-event';

/** What fares tells others when an operator changes the fare of a flight on a date. */
export interface FareChangedPayload {
  flightNumber: string;
  /** YYYY-MM-DD */
  flightDate: string;
  fare: Money;
  /**
   * The version of that flight and date's fare after this change: it grows with every change, so a
   * consumer that receives events twice or out of order keeps the one with the highest.
   */
  fareVersion: number;
}

export type FareChangedEvent = IntegrationEvent<'fare.changed', FareChangedPayload>;

/** The first fares of a bulk load's day (`flight.bulk-scheduled`), each as `fare.changed` carries it. */
export interface FareBulkChangedPayload {
  fares: FareChangedPayload[];
}
export type FareBulkChangedEvent = IntegrationEvent<'fare.bulk-changed', FareBulkChangedPayload>;
