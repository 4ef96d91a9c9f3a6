import { Injectable } from '@nestjs/common';
import { ClosedOrigins } from './closed-origins';
import type { FlightResponse } from './dto/flight.response';
import { FlightFinder } from './flight-finder';
import { RouteCache, routeKey } from './route-cache';

export interface SearchCriteria {
  origin: string;
  destination: string;
  date: string;
  passengers: number;
}

@Injectable()
export class FlightSearch {
  constructor(
    private readonly finder: FlightFinder,
    private readonly cache: RouteCache,
    private readonly closedOrigins: ClosedOrigins,
  ) {}

  /** The flights of the route and date with seats for every passenger, by departure. */
  async find({ origin, destination, date, passengers }: SearchCriteria): Promise<FlightResponse[]> {
    if (this.closedOrigins.has(origin)) return [];
    const flights = await this.cache.get(routeKey(origin, destination, date), () =>
      this.finder.onRoute(origin, destination, date),
    );
    return flights.filter((flight) => flight.seatsAvailable >= passengers);
  }
}
