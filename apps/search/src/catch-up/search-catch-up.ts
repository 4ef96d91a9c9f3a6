import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FARES_SNAPSHOT, INVENTORIES_SNAPSHOT, type FareState, type InventoryState } from '@pss/contracts';
import { CatchUp } from '@pss/registry-client';
import { DataSource, type EntityManager } from 'typeorm';
import { ALL_ROUTES, ROUTE_CHANGES_CHANNEL, RouteCache } from '../flights/route-cache';

// A snapshot's state is what the owner's event of that version said: it replaces search's when its
// version is not older (an equal version from the owner wins over search's seed), and rows already
// right are not rewritten.
const APPLY_FARES = `
  UPDATE flights f SET fare_amount = s.amount, fare_currency = s.currency, fare_version = s.version
    FROM unnest($1::text[], $2::date[], $3::numeric[], $4::text[], $5::int[])
         AS s(flight_number, flight_date, amount, currency, version)
   WHERE f.flight_number = s.flight_number AND f.flight_date = s.flight_date AND f.fare_version <= s.version
     AND (f.fare_amount, f.fare_currency, f.fare_version) IS DISTINCT FROM (s.amount, s.currency, s.version)`;

const APPLY_SEATS = `
  UPDATE flights f SET seats_available = s.seats, inventory_version = s.version
    FROM unnest($1::text[], $2::date[], $3::int[], $4::int[]) AS s(flight_number, flight_date, seats, version)
   WHERE f.flight_number = s.flight_number AND f.flight_date = s.flight_date
     AND f.inventory_version <= s.version
     AND (f.seats_available, f.inventory_version) IS DISTINCT FROM (s.seats, s.version)`;

/**
 * Search's fares and seats are copies, built from fares' and booking's events: at start, search
 * takes both owners' snapshots of every date of its schedule.
 */
@Injectable()
export class SearchCatchUp implements OnModuleInit {
  constructor(
    private readonly catchUp: CatchUp,
    private readonly dataSource: DataSource,
    private readonly cache: RouteCache,
  ) {}

  onModuleInit(): void {
    this.catchUp.follow('fares and booking', async () => {
      const [dates] = (await this.dataSource.query(
        'SELECT min(flight_date)::text AS first, max(flight_date)::text AS last FROM flights',
      )) as { first: string | null; last: string | null }[];
      const fares = await this.catchUp.eachPage<FareState>(
        FARES_SNAPSHOT,
        (page) => this.applyFares(page),
        dates,
      );
      const seats = await this.catchUp.eachPage<InventoryState>(
        INVENTORIES_SNAPSHOT,
        (page) => this.applySeats(page),
        dates,
      );
      return fares + seats;
    });
  }

  private applyFares(fares: FareState[]): Promise<void> {
    return this.changeRoutes((manager) =>
      manager.query(APPLY_FARES, [
        fares.map((fare) => fare.flightNumber),
        fares.map((fare) => fare.flightDate),
        fares.map((fare) => fare.fare.amount),
        fares.map((fare) => fare.fare.currency),
        fares.map((fare) => fare.fareVersion),
      ]),
    );
  }

  private applySeats(seats: InventoryState[]): Promise<void> {
    return this.changeRoutes((manager) =>
      manager.query(APPLY_SEATS, [
        seats.map((seat) => seat.flightNumber),
        seats.map((seat) => seat.flightDate),
        seats.map((seat) => seat.remainingSeats),
        seats.map((seat) => seat.inventoryVersion),
      ]),
    );
  }

  /** `change` in a transaction that tells every search instance to drop its cached routes. */
  private async changeRoutes(change: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await change(manager);
      await manager.query('SELECT pg_notify($1, $2)', [ROUTE_CHANGES_CHANNEL, ALL_ROUTES]);
    });
    this.cache.invalidate(ALL_ROUTES);
  }
}
