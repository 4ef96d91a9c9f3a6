import { Injectable } from '@nestjs/common';
import { queryPrepared, type PreparedStatement } from '@pss/platform';
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

/** A flight's seat map, and the seats held on it. */
export interface FlightSeats {
  map: SeatMap;
  taken: Set<string>;
}

const SEATS_OF_FLIGHT: PreparedStatement = {
  name: 'seats_of_flight',
  text: `SELECT flight.capacity,
                ARRAY(SELECT pass.seat FROM boarding_passes pass
                       WHERE pass.flight_number = flight.flight_number AND pass.flight_date = flight.flight_date)
                  AS taken
           FROM scheduled_flights flight WHERE flight.flight_number = $1 AND flight.flight_date = $2`,
};

@Injectable()
export class SeatMaps {
  /**
   * The seats of a flight on a date as the schedule gave it, and those already held, in one round
   * trip; undefined before the schedule's event for it arrived.
   */
  async of(
    manager: EntityManager,
    flightNumber: string,
    flightDate: string,
  ): Promise<FlightSeats | undefined> {
    const [flight] = await queryPrepared<{ capacity: number; taken: string[] }>(manager, SEATS_OF_FLIGHT, [
      flightNumber,
      flightDate,
    ]);
    return flight && { map: seatMapOf(flight.capacity), taken: new Set(flight.taken) };
  }
}
