import { Injectable, NotFoundException } from '@nestjs/common';
import { createIntegrationEvent, type Money } from '@pss/contracts';
import { OutboxWriter } from '@pss/messaging';
import { InvalidInputException } from '@pss/platform';
import { DataSource } from 'typeorm';
import type { FareQuery } from './dto/fare-query.dto';
import type { FareResponse } from './dto/fare.response';

interface FareRow {
  amount: string;
  currency: string;
  version: number;
}

/**
 * An operator's change of a fare: the new amount, a version one higher and `fare.changed` in the
 * outbox, in one transaction under the fare's row lock (so versions, and the events, follow commit
 * order). Only fares changes a fare; everyone else follows the event.
 */
@Injectable()
export class FareChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  change({ flightNumber, flightDate }: FareQuery, fare: Money): Promise<FareResponse> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = (await manager.query(
        `SELECT amount, currency, version FROM fares
          WHERE flight_number = $1 AND flight_date = $2 FOR UPDATE`,
        [flightNumber, flightDate],
      )) as FareRow[];
      if (!current) throw new NotFoundException(`No fare for flight ${flightNumber} on ${flightDate}`);
      if (current.currency !== fare.currency) {
        throw new InvalidInputException([
          { field: 'currency', detail: `${flightNumber} is sold in ${current.currency}` },
        ]);
      }
      // The same amount again is not a change: no new version, no event. (TypeORM answers an
      // UPDATE with [returned rows, affected count].)
      const [[changed]] = (await manager.query(
        `UPDATE fares SET amount = $3, version = version + 1
          WHERE flight_number = $1 AND flight_date = $2 AND amount <> $3::numeric
         RETURNING amount, currency, version`,
        [flightNumber, flightDate, fare.amount],
      )) as [FareRow[], number];
      const now = changed ?? current;
      const money = { amount: now.amount, currency: now.currency };
      if (changed) {
        const event = createIntegrationEvent('fare.changed', {
          flightNumber,
          flightDate,
          fare: money,
          fareVersion: changed.version,
        });
        await this.outbox.write(manager, event, `${flightNumber}/${flightDate}`);
      }
      return { flightNumber, flightDate, fare: money };
    });
  }
}
