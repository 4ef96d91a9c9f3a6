/** A flight on a date, as every event about it names it. */
export interface FlightOnDate {
  flightNumber: string;
  flightDate: string;
}

/**
 * `BF101/2026-12-24`: the aggregate id of the events about a flight on a date, and the key a
 * service's maps use for it. Rows name it by their columns (`flight_number`, `flight_date::text`).
 */
export const flightKey = ({ flightNumber, flightDate }: FlightOnDate): string =>
  `${flightNumber}/${flightDate}`;

/** The same flight at one version of its schedule (`BF101/2026-12-24/3`). */
export const versionedFlightKey = (flight: FlightOnDate & { scheduleVersion: number }): string =>
  `${flightKey(flight)}/${flight.scheduleVersion}`;
