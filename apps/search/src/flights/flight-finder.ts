import { Injectable } from '@nestjs/common';
import { queryPrepared, type PreparedStatement } from '@pss/platform';
import { DataSource } from 'typeorm';
import type { FlightResponse } from './dto/flight.response';
import type { ScheduledFlightResponse } from './dto/scheduled-flight.response';

/**
 * The query every search runs when it is not answered from the cache: a flight with no fare yet, or
 * no seats from booking yet, is not for sale.
 */
export const FLIGHTS_ON_ROUTE: PreparedStatement = {
  name: 'flights_on_route',
  text: `
  SELECT flight_number, origin, destination, flight_date, departs_at, arrives_at,
         fare_amount, fare_currency, seats_available
    FROM flights
   WHERE origin = $1 AND destination = $2 AND flight_date = $3 AND fare_amount IS NOT NULL
     AND seats_available IS NOT NULL
   ORDER BY departs_at`,
};

export interface FlightRow {
  flight_number: string;
  origin: string;
  destination: string;
  flight_date: string;
  departs_at: Date;
  arrives_at: Date;
  fare_amount: string | null;
  fare_currency: string | null;
  seats_available: number | null;
}

/** A row of a flight for sale: it has a fare and seats. */
type PricedFlightRow = FlightRow & { fare_amount: string; fare_currency: string; seats_available: number };

@Injectable()
export class FlightFinder {
  constructor(private readonly dataSource: DataSource) {}

  /** Every flight with a fare from `origin` to `destination` on `date`, by departure, full ones included. */
  async onRoute(origin: string, destination: string, date: string): Promise<FlightResponse[]> {
    const rows = await queryPrepared<PricedFlightRow>(this.dataSource.manager, FLIGHTS_ON_ROUTE, [
      origin,
      destination,
      date,
    ]);
    return rows.map(toResponse);
  }
}

export function toResponse(row: PricedFlightRow): FlightResponse {
  return {
    ...toScheduledResponse(row),
    fare: { amount: row.fare_amount, currency: row.fare_currency },
    seatsAvailable: row.seats_available,
  };
}

export function toScheduledResponse(row: FlightRow): Omit<ScheduledFlightResponse, 'capacity'> {
  return {
    flightNumber: row.flight_number,
    origin: row.origin,
    destination: row.destination,
    date: row.flight_date,
    departureTime: row.departs_at.toISOString(),
    arrivalTime: row.arrives_at.toISOString(),
    fare:
      row.fare_amount === null || row.fare_currency === null
        ? null
        : { amount: row.fare_amount, currency: row.fare_currency },
    seatsAvailable: row.seats_available,
  };
}
