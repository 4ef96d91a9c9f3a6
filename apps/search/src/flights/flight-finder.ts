import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FlightResponse } from './dto/flight.response';

/** The query every search runs when it is not answered from the cache. */
export const FLIGHTS_ON_ROUTE = `
  SELECT flight_number, origin, destination, flight_date, departs_at, arrives_at,
         fare_amount, fare_currency, seats_available
    FROM flights
   WHERE origin = $1 AND destination = $2 AND flight_date = $3
   ORDER BY departs_at`;

interface FlightRow {
  flight_number: string;
  origin: string;
  destination: string;
  flight_date: string;
  departs_at: Date;
  arrives_at: Date;
  fare_amount: string;
  fare_currency: string;
  seats_available: number;
}

@Injectable()
export class FlightFinder {
  constructor(private readonly dataSource: DataSource) {}

  /** Every flight from `origin` to `destination` on `date`, by departure, full ones included. */
  async onRoute(origin: string, destination: string, date: string): Promise<FlightResponse[]> {
    const rows = (await this.dataSource.query(FLIGHTS_ON_ROUTE, [origin, destination, date])) as FlightRow[];
    return rows.map(toResponse);
  }
}

export function toResponse(row: FlightRow): FlightResponse {
  return {
    flightNumber: row.flight_number,
    origin: row.origin,
    destination: row.destination,
    date: row.flight_date,
    departureTime: row.departs_at.toISOString(),
    arrivalTime: row.arrives_at.toISOString(),
    fare: { amount: row.fare_amount, currency: row.fare_currency },
    seatsAvailable: row.seats_available,
  };
}
