import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DateRangeQuery } from '@pss/platform';
import type { FareQuery } from './dto/fare-query.dto';
import type { FareSnapshotResponse, VersionedFare } from './dto/fare-snapshot.response';
import type { FareResponse } from './dto/fare.response';

// The look-up every booking makes, written once as SQL: TypeORM's query builder would rebuild it
// for every request (ADR 0005 measures the difference).
const FARE_OF_FLIGHT = 'SELECT amount, currency FROM fares WHERE flight_number = $1 AND flight_date = $2';

const FARES_ON_DATES = `
  SELECT flight_number, flight_date::text AS flight_date, amount, currency, version
    FROM fares WHERE flight_date BETWEEN $1 AND $2
   ORDER BY flight_date, flight_number`;

@Injectable()
export class FaresService {
  constructor(private readonly dataSource: DataSource) {}

  async find({ flightNumber, flightDate }: FareQuery): Promise<FareResponse> {
    const [fare] = (await this.dataSource.query(FARE_OF_FLIGHT, [flightNumber, flightDate])) as {
      amount: string;
      currency: string;
    }[];
    if (!fare) throw new NotFoundException(`No fare for flight ${flightNumber} on ${flightDate}`);
    return { flightNumber, flightDate, fare };
  }

  /** Every fare of the dates from `from` to `to`, with its version. */
  async onDates({ from, to }: DateRangeQuery): Promise<FareSnapshotResponse> {
    const rows = (await this.dataSource.query(FARES_ON_DATES, [from, to])) as {
      flight_number: string;
      flight_date: string;
      amount: string;
      currency: string;
      version: number;
    }[];
    const items = rows.map((row): VersionedFare => ({
      flightNumber: row.flight_number,
      flightDate: row.flight_date,
      fare: { amount: row.amount, currency: row.currency },
      fareVersion: row.version,
    }));
    return { from, to, items };
  }
}
