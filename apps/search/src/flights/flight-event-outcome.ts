import { Logger } from '@nestjs/common';
import { flightKey, type FlightOnDate, type IntegrationEvent } from '@pss/contracts';
import type { EntityManager } from 'typeorm';
import { ROUTE_CHANGES_CHANNEL, routeKey } from './route-cache';

export type FlightEventOutcome = 'applied' | 'stale' | 'unknown_flight';

const logger = new Logger('FlightEvents');

/**
 * Applies another service's event to the flights and dates it names (one, or a bulk load's day) with
 * `conditionalUpdate`, an UPDATE … FROM the arrays `columnsOf` gives ($1 the flight numbers, $2 the
 * dates) that changes each row only when its item is newer than what the row holds and returns
 * `flightNumber`, `flightDate` (as text), `origin` and `destination`. A change announces its route (the route caches
 * drop it when the transaction commits). An item that changed nothing is stale, or for a flight
 * search does not have: that one is logged and counted, not retried, and the event's first such
 * item is kept in `unknown_flight_events` for an operator.
 */
export async function applyToFlights<TItem extends FlightOnDate>(
  manager: EntityManager,
  event: IntegrationEvent<string, unknown>,
  items: readonly TItem[],
  conditionalUpdate: string,
  columnsOf: (items: readonly TItem[]) => unknown[],
): Promise<FlightEventOutcome[]> {
  const [updated] = (await manager.query(conditionalUpdate, columnsOf(items))) as [
    (FlightOnDate & { origin: string; destination: string })[],
    number,
  ];
  const applied = new Set(updated.map(flightKey));
  const routes = new Set(updated.map((row) => routeKey(row.origin, row.destination, row.flightDate)));
  if (routes.size > 0)
    await manager.query('SELECT pg_notify($1, route) FROM unnest($2::text[]) AS route', [
      ROUTE_CHANGES_CHANNEL,
      [...routes],
    ]);
  const rest = items.filter((item) => !applied.has(flightKey(item)));
  const known = new Set<string>();
  if (rest.length > 0) {
    const existing: FlightOnDate[] = await manager.query(
      `SELECT flight_number AS "flightNumber", flight_date::text AS "flightDate"
         FROM flights JOIN unnest($1::text[], $2::date[]) AS item(flight_number, flight_date)
        USING (flight_number, flight_date)`,
      [rest.map((item) => item.flightNumber), rest.map((item) => item.flightDate)],
    );
    for (const flight of existing) known.add(flightKey(flight));
    const unknown = rest.filter((item) => !known.has(flightKey(item)));
    if (unknown.length > 0) await keepUnknown(manager, event, unknown);
  }
  return items.map((item) => {
    const key = flightKey(item);
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
