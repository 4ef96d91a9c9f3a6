import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Seats are lettered A to F across the cabin. */
export const SEAT_LETTERS = 'ABCDEF';

export interface SeatMap {
  capacity: number;
  rows: number;
  letters: string;
  /** Every seat, front to back and A to F: 1A, 1B, …; the last row holds the seats left over. */
  seats: string[];
}

/** The map of `capacity` seats: full rows of six from the front, the rest in the last row. */
export function seatMapOf(capacity: number): SeatMap {
  const seats = Array.from(
    { length: capacity },
    (_, i) => `${Math.floor(i / SEAT_LETTERS.length) + 1}${SEAT_LETTERS[i % SEAT_LETTERS.length]}`,
  );
  return { capacity, rows: Math.ceil(capacity / SEAT_LETTERS.length), letters: SEAT_LETTERS, seats };
}

@Injectable()
export class SeatMaps {
  /** The seats of a flight on a date, as the schedule gave it; undefined before its event arrived. */
  async of(manager: EntityManager, flightNumber: string, flightDate: string): Promise<SeatMap | undefined> {
    const [flight] = (await manager.query(
      'SELECT capacity FROM scheduled_flights WHERE flight_number = $1 AND flight_date = $2',
      [flightNumber, flightDate],
    )) as { capacity: number }[];
    return flight && seatMapOf(flight.capacity);
  }

  /** The seats already held on that flight and date. */
  async taken(manager: EntityManager, flightNumber: string, flightDate: string): Promise<Set<string>> {
    const rows: { seat: string }[] = await manager.query(
      'SELECT seat FROM boarding_passes WHERE flight_number = $1 AND flight_date = $2',
      [flightNumber, flightDate],
    );
    return new Set(rows.map((row) => row.seat));
  }
}
