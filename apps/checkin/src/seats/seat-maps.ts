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

const TAKEN_SEATS = `ARRAY(SELECT pass.seat FROM boarding_passes pass
                             WHERE pass.flight_number = $1 AND pass.flight_date = $2) AS taken`;

const SEATS_OF_FLIGHT: PreparedStatement = {
  name: 'seats_of_flight',
  text: `SELECT flight.capacity, ${TAKEN_SEATS}
           FROM scheduled_flights flight WHERE flight.flight_number = $1 AND flight.flight_date = $2`,
};

// A row whether or not the flight is known, so that the booking's check-in is asked in the same trip.
export const SEATS_FOR_CHECKIN: PreparedStatement = {
  name: 'seats_for_checkin',
  text: `SELECT flight.capacity, ${TAKEN_SEATS},
                EXISTS (SELECT 1 FROM checkins checkin WHERE checkin.booking_id = $3) AS "checkedIn"
           FROM (SELECT) AS one
           LEFT JOIN scheduled_flights flight ON flight.flight_number = $1 AND flight.flight_date = $2`,
};

export type SeatsRow = { capacity: number | null; taken: string[] };

export const flightSeatsOf = (row: SeatsRow | undefined): FlightSeats | undefined =>
  row?.capacity == null ? undefined : { map: seatMapOf(row.capacity), taken: new Set(row.taken) };

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
    const [row] = await queryPrepared<SeatsRow>(manager, SEATS_OF_FLIGHT, [flightNumber, flightDate]);
    return flightSeatsOf(row);
  }

  /**
   * What a check-in of `booking` reads before it chooses seats, in one round trip: whether the
   * booking has a check-in already, and its flight's seats as `of` gives them.
   */
  async forCheckin(
    manager: EntityManager,
    booking: { id: string; flightNumber: string; flightDate: string },
  ): Promise<{ checkedIn: boolean; flight: FlightSeats | undefined }> {
    const [row] = await queryPrepared<SeatsRow & { checkedIn: boolean }>(manager, SEATS_FOR_CHECKIN, [
      booking.flightNumber,
      booking.flightDate,
      booking.id,
    ]);
    return { checkedIn: row.checkedIn, flight: flightSeatsOf(row) };
  }
}
