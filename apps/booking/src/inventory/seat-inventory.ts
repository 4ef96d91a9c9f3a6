import { HttpStatus, Injectable } from '@nestjs/common';
import { versionedFlightKey, type FlightOnDate, type ScheduledFlightState } from '@pss/contracts';
import { ProblemException, type DateRangeQuery } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingConfig } from '../config/booking-config';
import type { InventorySnapshotResponse } from './dto/inventory-snapshot.response';

export interface FlightOnRoute extends FlightOnDate {
  origin: string;
  destination: string;
}

type FollowedVersion = Pick<
  ScheduledFlightState,
  'flightNumber' | 'flightDate' | 'scheduleVersion' | 'capacity'
>;

/** The seats left for sale and the inventory's version, after a change. */
export interface InventoryChange {
  remainingSeats: number;
  inventoryVersion: number;
}

/** What the schedule's event did to an inventory: the seats for sale after it, and its version. */
export interface ScheduleChange extends InventoryChange {
  /** The aircraft is smaller than the seats already sold: capacity stays at the seats sold. */
  belowSold: boolean;
}

// A new inventory is version 1: search holds no seats for a flight (version 0) until it learns them.
// Of a flight listed twice, its newest schedule version counts.
const FOLLOW_SCHEDULE = `
  INSERT INTO inventories AS inventory (flight_number, flight_date, origin, destination, capacity,
                                        schedule_version, version)
  SELECT DISTINCT ON (flight_number, flight_date)
         flight_number, flight_date, origin, destination, capacity, schedule_version, 1
    FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::int[], $6::int[])
         AS item(flight_number, flight_date, origin, destination, capacity, schedule_version)
   ORDER BY flight_number, flight_date, schedule_version DESC
  ON CONFLICT (flight_number, flight_date) DO UPDATE
     SET origin = EXCLUDED.origin, destination = EXCLUDED.destination,
         capacity = GREATEST(EXCLUDED.capacity, inventory.seats_sold),
         schedule_version = EXCLUDED.schedule_version, version = inventory.version + 1
   WHERE inventory.schedule_version < EXCLUDED.schedule_version
  RETURNING inventory.flight_number AS "flightNumber", inventory.flight_date::text AS "flightDate",
            inventory.schedule_version AS "scheduleVersion", inventory.capacity,
            GREATEST(inventory.capacity - $7 - inventory.seats_sold, 0) AS "remainingSeats",
            inventory.version AS "inventoryVersion"`;

const GIVE_BACK = `
  UPDATE inventories SET seats_sold = seats_sold - $3, version = version + 1
   WHERE flight_number = $1 AND flight_date = $2
  RETURNING GREATEST(capacity - $4 - seats_sold, 0) AS "remainingSeats", version AS "inventoryVersion"`;

const INVENTORIES_ON_DATES = `
  SELECT flight_number AS "flightNumber", flight_date::text AS "flightDate",
         GREATEST(capacity - $3 - seats_sold, 0) AS "remainingSeats", version AS "inventoryVersion"
    FROM inventories WHERE flight_date BETWEEN $1 AND $2
   ORDER BY flight_date, flight_number`;

/**
 * The authoritative seats of each flight and date, changed inside the caller's transaction
 * (booking takes them in the statement that records the booking).
 */
@Injectable()
export class SeatInventory {
  constructor(
    private readonly config: BookingConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Seats kept back from sale on every flight. */
  get safetyBuffer(): number {
    return this.config.safetyBuffer;
  }

  async giveBack(
    manager: EntityManager,
    flightNumber: string,
    flightDate: string,
    seats: number,
  ): Promise<InventoryChange> {
    const [[change]] = (await manager.query(GIVE_BACK, [
      flightNumber,
      flightDate,
      seats,
      this.config.safetyBuffer,
    ])) as [InventoryChange[], number];
    return change;
  }

  /**
   * Opens each flight's inventory, or follows a newer version of its schedule (seats sold stay
   * booking's), in one statement: the change of each flight it applied to, in the order given, and
   * undefined for one whose inventory was made from this version or a newer one.
   */
  async followSchedule(
    manager: EntityManager,
    flights: readonly ScheduledFlightState[],
  ): Promise<(ScheduleChange | undefined)[]> {
    const column = <K extends keyof ScheduledFlightState>(key: K) => flights.map((flight) => flight[key]);
    const rows: (InventoryChange & FollowedVersion)[] = await manager.query(FOLLOW_SCHEDULE, [
      column('flightNumber'),
      column('flightDate'),
      column('origin'),
      column('destination'),
      column('capacity'),
      column('scheduleVersion'),
      this.config.safetyBuffer,
    ]);
    const changes = new Map(rows.map((row) => [versionedFlightKey(row), row]));
    return flights.map((flight) => {
      const row = changes.get(versionedFlightKey(flight));
      return (
        row && {
          remainingSeats: row.remainingSeats,
          inventoryVersion: row.inventoryVersion,
          belowSold: row.capacity > flight.capacity,
        }
      );
    });
  }

  /** Why `seats` could not be taken on `flight`: the problem to answer with. */
  async whyNot(manager: EntityManager, flight: FlightOnRoute, seats: number): Promise<ProblemException> {
    const { flightNumber, flightDate } = flight;
    const [inventory] = await manager.query(
      `SELECT origin, destination, GREATEST(capacity - $3 - seats_sold, 0) AS left
         FROM inventories WHERE flight_number = $1 AND flight_date = $2`,
      [flightNumber, flightDate, this.config.safetyBuffer],
    );
    if (!inventory) {
      return new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `${flightNumber} is not sold on ${flightDate}`,
      );
    }
    if (inventory.origin !== flight.origin || inventory.destination !== flight.destination) {
      return new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `${flightNumber} flies ${inventory.origin} to ${inventory.destination}, not ${flight.origin} to ${flight.destination}`,
      );
    }
    return new ProblemException(
      HttpStatus.CONFLICT,
      `Not enough seats on ${flightNumber} on ${flightDate}: ${seats} asked, ${inventory.left} left`,
      { seatsLeft: inventory.left },
    );
  }

  /** The seats for sale on every flight from `from` to `to`, as the inventory events would say. */
  async onDates({ from, to }: DateRangeQuery): Promise<InventorySnapshotResponse> {
    const items = await this.dataSource.query(INVENTORIES_ON_DATES, [from, to, this.config.safetyBuffer]);
    return { from, to, items };
  }
}
