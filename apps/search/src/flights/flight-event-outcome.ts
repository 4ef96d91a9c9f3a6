import { Logger } from '@nestjs/common';
import type { IntegrationEvent } from '@pss/contracts';
import type { EntityManager } from 'typeorm';
import { ROUTE_CHANGES_CHANNEL, routeKey } from './route-cache';

export type FlightEventOutcome = 'applied' | 'stale' | 'unknown_flight';

const logger = new Logger('FlightEvents');

/**
 * Applies another service's event to one flight and date with `conditionalUpdate`, an UPDATE that
 * changes the row only when the event is newer than what it holds and returns the row's
 * `origin, destination, flight_date`. A change announces the route (the route caches drop it when
 * the transaction commits). No row back means a stale event, or one for a flight search does not
 * have: that one is kept in `unknown_flight_events` for an operator, and counted, not retried.
 */
export async function applyToFlight(
  manager: EntityManager,
  event: IntegrationEvent<string, { flightNumber: string; flightDate: string }>,
  conditionalUpdate: string,
  parameters: unknown[],
): Promise<FlightEventOutcome> {
  const { flightNumber, flightDate } = event.payload;
  // For an UPDATE, TypeORM answers [returned rows, affected count].
  const [records] = (await manager.query(conditionalUpdate, parameters)) as [
    { origin: string; destination: string; flight_date: string }[],
    number,
  ];
  if (records.length > 0) {
    const [{ origin, destination }] = records;
    await manager.query('SELECT pg_notify($1, $2)', [
      ROUTE_CHANGES_CHANNEL,
      routeKey(origin, destination, flightDate),
    ]);
    return 'applied';
  }
  const exists = await manager.query('SELECT 1 FROM flights WHERE flight_number = $1 AND flight_date = $2', [
    flightNumber,
    flightDate,
  ]);
  if (exists.length > 0) return 'stale';
  await keepUnknown(manager, event, [{ flightNumber, flightDate }]);
  return 'unknown_flight';
}

interface FlightOnDate {
  flightNumber: string;
  flightDate: string;
}

const flightKey = (flightNumber: string, flightDate: string) => `${flightNumber}/${flightDate}`;

/**
 * A bulk event's items (a day of a bulk load) with `bulkUpdate`, an UPDATE … FROM the arrays
 * `columnsOf` gives ($1 the flight numbers, $2 the dates) that changes each row only when its item
 * is newer and returns `flight_number, flight_date, origin, destination`: each item's outcome as its
 * own event's would be, in a few statements for the whole day. An item for a flight search does not
 * have is logged and counted; the first is kept under the event's id.
 */
export async function applyToFlights<TItem extends FlightOnDate>(
  manager: EntityManager,
  event: IntegrationEvent<string, unknown>,
  items: readonly TItem[],
  bulkUpdate: string,
  columnsOf: (items: readonly TItem[]) => unknown[],
): Promise<FlightEventOutcome[]> {
  const [updated] = (await manager.query(bulkUpdate, columnsOf(items))) as [
    { flight_number: string; flight_date: string; origin: string; destination: string }[],
    number,
  ];
  const applied = new Set(updated.map((row) => flightKey(row.flight_number, row.flight_date)));
  const routes = new Set(updated.map((row) => routeKey(row.origin, row.destination, row.flight_date)));
  if (routes.size > 0)
    await manager.query('SELECT pg_notify($1, route) FROM unnest($2::text[]) AS route', [
      ROUTE_CHANGES_CHANNEL,
      [...routes],
    ]);
  const rest = items.filter((item) => !applied.has(flightKey(item.flightNumber, item.flightDate)));
  const known = new Set<string>();
  if (rest.length > 0) {
    const existing: { flight: string }[] = await manager.query(
      `SELECT flight_number || '/' || flight_date::text AS flight
         FROM flights JOIN unnest($1::text[], $2::date[]) AS item(flight_number, flight_date)
        USING (flight_number, flight_date)`,
      [rest.map((item) => item.flightNumber), rest.map((item) => item.flightDate)],
    );
    for (const { flight } of existing) known.add(flight);
    const unknown = rest.filter((item) => !known.has(flightKey(item.flightNumber, item.flightDate)));
    if (unknown.length > 0) await keepUnknown(manager, event, unknown);
  }
  return items.map(({ flightNumber, flightDate }) => {
    const key = flightKey(flightNumber, flightDate);
    return applied.has(key) ? 'applied' : known.has(key) ? 'stale' : 'unknown_flight';
  });
}

async function keepUnknown(
  manager: EntityManager,
  event: IntegrationEvent<string, unknown>,
  flights: readonly FlightOnDate[],
): Promise<void> {
  for (const { flightNumber, flightDate } of flights)
    logger.warn(
      `${event.type} ${event.id} is for ${flightNumber} on ${flightDate}, which search does not have`,
    );
  const [{ flightNumber, flightDate }] = flights;
  await manager.query(
    `INSERT INTO unknown_flight_events (event_id, event_type, flight_number, flight_date)
     VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.type, flightNumber, flightDate],
  );
}
