import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_AIRCRAFT } from './seed-seat-maps';

export interface SeatMap {
  aircraftType: string;
  rows: number;
  letters: string;
  /** Every seat, front to back and A to F: 1A, 1B, … */
  seats: string[];
}

@Injectable()
export class SeatMaps {
  /** The cabin of the aircraft that flies `flightNumber` (the default type if none is given). */
  async of(manager: EntityManager, flightNumber: string): Promise<SeatMap> {
    const [type] = await manager.query(
      `SELECT code, seat_rows AS rows, seat_letters AS letters FROM aircraft_types
        WHERE code = COALESCE((SELECT aircraft_type FROM flight_aircraft WHERE flight_number = $1), $2)`,
      [flightNumber, DEFAULT_AIRCRAFT.code],
    );
    const { code, rows, letters } = type ?? {
      ...DEFAULT_AIRCRAFT,
      rows: DEFAULT_AIRCRAFT.seatRows,
      letters: DEFAULT_AIRCRAFT.seatLetters,
    };
    const seats = Array.from({ length: rows }, (_, row) =>
      [...letters].map((letter) => `${row + 1}${letter}`),
    ).flat();
    return { aircraftType: code, rows, letters, seats };
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
