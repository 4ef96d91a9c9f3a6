import type { IntegrationEvent } from './integration-event';

/**
 * A flight on a date as the schedule's owner (search) has it: where it flies, when, and how many
 * seats the aircraft has. `flight.scheduled` announces a new one, `flight.changed` a correction;
 * both carry the whole flight, so a consumer that applies the newest version needs nothing else.
 */
export interface ScheduledFlightPayload {
  flightNumber: string;
  /** YYYY-MM-DD */
  flightDate: string;
  origin: string;
  destination: string;
  /** ISO 8601 UTC */
  departsAt: string;
  /** ISO 8601 UTC */
  arrivesAt: string;
  /** Seats on the aircraft (booking keeps its safety buffer back from sale). */
  capacity: number;
  /**
   * 1 when scheduled, one higher with every change: a consumer that receives events twice or out of
   * order keeps the one with the highest.
   */
  scheduleVersion: number;
}

export type FlightScheduledEvent = IntegrationEvent<'flight.scheduled', ScheduledFlightPayload>;
export type FlightChangedEvent = IntegrationEvent<'flight.changed', ScheduledFlightPayload>;

/**
 * Many new flights at once, each as `flight.scheduled` would carry it (version 1): an operator's
 * bulk load (a generated network) announces a day's flights in one event, not one event each.
 */
export interface FlightBulkScheduledPayload {
  flights: ScheduledFlightPayload[];
}
export type FlightBulkScheduledEvent = IntegrationEvent<'flight.bulk-scheduled', FlightBulkScheduledPayload>;

/** An item of search's `GET /schedule/snapshot`: the flight as its latest event says it. */
export type ScheduledFlightState = ScheduledFlightPayload;
