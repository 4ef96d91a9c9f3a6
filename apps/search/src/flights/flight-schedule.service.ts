import { Injectable } from '@nestjs/common';
import { InvalidInputException } from '@pss/platform';
import { DataSource } from 'typeorm';
import type { ScheduledFlightResponse } from './dto/scheduled-flight.response';
import type { ScheduledFlightParams, ScheduledFlightRequest } from './dto/scheduled-flight.request';
import { toScheduledResponse } from './flight-finder';
import { ALL_ROUTES, ROUTE_CHANGES_CHANNEL, RouteCache } from './route-cache';

const UPSERT = `
  INSERT INTO flights (flight_number, flight_date, origin, destination, departs_at, arrives_at, seats_available)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (flight_number, flight_date) DO UPDATE
     SET origin = EXCLUDED.origin, destination = EXCLUDED.destination, departs_at = EXCLUDED.departs_at,
         arrives_at = EXCLUDED.arrives_at
  RETURNING (xmax = 0) AS created, flight_number, origin, destination, flight_date, departs_at, arrives_at,
            fare_amount, fare_currency, seats_available`;

@Injectable()
export class FlightSchedule {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: RouteCache,
  ) {}

  /** Adds the flight, or corrects its route and times; every cached route is dropped. */
  async put(
    { flightNumber, date }: ScheduledFlightParams,
    flight: ScheduledFlightRequest,
  ): Promise<{ created: boolean; flight: ScheduledFlightResponse }> {
    if (Date.parse(flight.arrivalTime) <= Date.parse(flight.departureTime)) {
      throw new InvalidInputException([
        { field: 'arrivalTime', detail: 'arrivalTime must be after departureTime' },
      ]);
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(UPSERT, [
        flightNumber,
        date,
        flight.origin,
        flight.destination,
        flight.departureTime,
        flight.arrivalTime,
        flight.seatsAvailable,
      ]);
      await manager.query('SELECT pg_notify($1, $2)', [ROUTE_CHANGES_CHANNEL, ALL_ROUTES]);
      return { created: row.created as boolean, flight: toScheduledResponse(row) };
    });
    // Other instances drop them on the NOTIFY; this one at once, since its own NOTIFY may arrive
    // after the caller's next search.
    this.cache.invalidate(ALL_ROUTES);
    return result;
  }
}
