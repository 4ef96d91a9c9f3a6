import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FareQuery } from './dto/fare-query.dto';
import type { FareResponse } from './dto/fare.response';

// The look-up every booking makes, written once as SQL: TypeORM's query builder would rebuild it
// for every request (ADR 0005 measures the difference).
const FARE_OF_FLIGHT = 'SELECT amount, currency FROM fares WHERE flight_number = $1 AND flight_date = $2';

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
}
