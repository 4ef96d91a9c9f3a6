import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@pss/messaging';
import { InvalidInputException } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { announceSchedule, SCHEDULE_COLUMNS, type ScheduleRow } from '../schedule/schedule-events';
import type { ScheduledFlightResponse } from './dto/scheduled-flight.response';
import type { ScheduledFlightParams, ScheduledFlightRequest } from './dto/scheduled-flight.request';
import { toScheduledResponse, type FlightRow } from './flight-finder';
import { ALL_ROUTES, ROUTE_CHANGES_CHANNEL, RouteCache } from './route-cache';

const FLIGHT_COLUMNS = `flight_number, origin, destination, flight_date, departs_at, arrives_at,
  fare_amount, fare_currency, seats_available, capacity`;

/** A new flight has no seats for sale until booking, which opens its inventory, says how many. */
const SCHEDULE = `
  INSERT INTO flights (flight_number, flight_date, origin, destination, departs_at, arrives_at, capacity)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  RETURNING ${SCHEDULE_COLUMNS}`;

/**
 * A correction, when it changes anything: a new version, and the seats for sale moved by the change
 * of capacity until booking's inventory event that follows states them.
 */
const CHANGE = `
  UPDATE flights
     SET origin = $3, destination = $4, departs_at = $5, arrives_at = $6, capacity = $7,
         seats_available = GREATEST(seats_available + $7 - capacity, 0),
         schedule_version = schedule_version + 1
   WHERE flight_number = $1 AND flight_date = $2
     AND (origin, destination, departs_at, arrives_at, capacity)
         IS DISTINCT FROM ($3::char(3), $4::char(3), $5::timestamptz, $6::timestamptz, $7::int)
  RETURNING ${SCHEDULE_COLUMNS}`;

export interface ScheduleOutcome {
  created: boolean;
  flight: ScheduledFlightResponse;
}

/**
 * The operator's schedule: search owns it. Adding a flight or changing one commits with its
 * `flight.scheduled` / `flight.changed` in the outbox, under the flight's row lock, so versions and
 * events follow commit order; booking's inventory and check-in's seat map follow those events.
 */
@Injectable()
export class FlightSchedule {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: RouteCache,
    private readonly outbox: OutboxWriter,
  ) {}

  async put(
    { flightNumber, date }: ScheduledFlightParams,
    flight: ScheduledFlightRequest,
  ): Promise<ScheduleOutcome> {
    if (Date.parse(flight.arrivalTime) <= Date.parse(flight.departureTime)) {
      throw new InvalidInputException([
        { field: 'arrivalTime', detail: 'arrivalTime must be after departureTime' },
      ]);
    }
    const values = [
      flightNumber,
      date,
      flight.origin,
      flight.destination,
      flight.departureTime,
      flight.arrivalTime,
      flight.capacity,
    ];
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [current] = (await manager.query(
        `SELECT ${FLIGHT_COLUMNS} FROM flights WHERE flight_number = $1 AND flight_date = $2 FOR UPDATE`,
        [flightNumber, date],
      )) as (FlightRow & { capacity: number })[];
      if (current) assertSeatsStillFit(current, flight.capacity);
      const [written] = (await manager.query(current ? CHANGE : SCHEDULE, values)) as
        [ScheduleRow[], number] | ScheduleRow[];
      const row = current ? (written as ScheduleRow[])[0] : (written as ScheduleRow);
      if (row) {
        await announceSchedule(this.outbox, manager, [row]);
        await manager.query('SELECT pg_notify($1, $2)', [ROUTE_CHANGES_CHANNEL, ALL_ROUTES]);
      }
      const now = await this.read(manager, flightNumber, date);
      return { created: !current, flight: { ...toScheduledResponse(now), capacity: now.capacity } };
    });
    // Other instances drop their routes on the NOTIFY; this one at once, since its own NOTIFY may
    // arrive after the caller's next search.
    this.cache.invalidate(ALL_ROUTES);
    return outcome;
  }

  private async read(
    manager: EntityManager,
    flightNumber: string,
    date: string,
  ): Promise<FlightRow & { capacity: number }> {
    const [row] = await manager.query(
      `SELECT ${FLIGHT_COLUMNS} FROM flights WHERE flight_number = $1 AND flight_date = $2`,
      [flightNumber, date],
    );
    return row;
  }
}

/**
 * A smaller aircraft must still seat everyone booked: the seats sold and held back are the capacity
 * less the seats for sale, as booking last said (nothing, before booking said anything).
 */
function assertSeatsStillFit(current: FlightRow & { capacity: number }, capacity: number): void {
  if (current.seats_available === null) return;
  const taken = current.capacity - current.seats_available;
  if (capacity < taken) {
    throw new InvalidInputException([
      {
        field: 'capacity',
        detail: `capacity must be at least ${taken}: the seats already sold or held back on ${current.flight_number}`,
      },
    ]);
  }
}
