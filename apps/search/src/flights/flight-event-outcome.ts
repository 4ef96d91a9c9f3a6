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
  logger.warn(
    `${event.type} ${event.id} is for ${flightNumber} on ${flightDate}, which search does not have`,
  );
  await manager.query(
    `INSERT INTO unknown_flight_events (event_id, event_type, flight_number, flight_date)
     VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.type, flightNumber, flightDate],
  );
  return 'unknown_flight';
}

/**
 * A bulk event (a day of a bulk load) item by item with `parametersOf(item)`, each as its own event
 * of one item would be. An item for a flight search does not have is kept under the bulk event's
 * id: the first such item of the event, all of them logged and counted.
 */
export async function applyToFlights<TItem extends { flightNumber: string; flightDate: string }>(
  manager: EntityManager,
  event: IntegrationEvent<string, unknown>,
  items: readonly TItem[],
  conditionalUpdate: string,
  parametersOf: (item: TItem) => unknown[],
): Promise<FlightEventOutcome[]> {
  const outcomes: FlightEventOutcome[] = [];
  for (const item of items)
    outcomes.push(
      await applyToFlight(manager, { ...event, payload: item }, conditionalUpdate, parametersOf(item)),
    );
  return outcomes;
}
