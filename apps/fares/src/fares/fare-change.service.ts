import { Injectable, NotFoundException } from '@nestjs/common';
import { createIntegrationEvent, flightKey, type Money } from '@pss/contracts';
import { OutboxWriter } from '@pss/messaging';
import { InvalidInputException } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { FareQuery } from './dto/fare-query.dto';
import type { FareResponse } from './dto/fare.response';

interface FareRow {
  amount: string;
  currency: string;
  version: number;
}

export interface FareChangeOutcome {
  /** Whether this was the flight's first fare. */
  filed: boolean;
  fare: FareResponse;
}

const LOCK = `SELECT amount, currency, version FROM fares
               WHERE flight_number = $1 AND flight_date = $2 FOR UPDATE`;

/** The first fare of a flight the schedule announced; nothing for any other, or when one exists. */
const FILE = `
  INSERT INTO fares (flight_number, flight_date, amount, currency, version)
  SELECT flight_number, flight_date, $3, $4, 1 FROM scheduled_flights
   WHERE flight_number = $1 AND flight_date = $2
  ON CONFLICT (flight_number, flight_date) DO NOTHING
  RETURNING amount, currency, version`;

/**
 * An operator's fare: the first of a scheduled flight (version 1), or a new amount (a version one
 * higher), with `fare.changed` in the outbox, in one transaction under the fare's row lock (so
 * versions, and the events, follow commit order). Only fares changes a fare; everyone else follows
 * the event.
 */
@Injectable()
export class FareChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  change({ flightNumber, flightDate }: FareQuery, fare: Money): Promise<FareChangeOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const lock = async () => ((await manager.query(LOCK, [flightNumber, flightDate])) as FareRow[])[0];
      let held = await lock();
      let filed: FareRow | undefined;
      if (!held) {
        [filed] = (await manager.query(FILE, [
          flightNumber,
          flightDate,
          fare.amount,
          fare.currency,
        ])) as FareRow[];
        // Another operator filed the first fare at the same moment: theirs stands, this is a change.
        if (!filed) held = await lock();
        if (!filed && !held) throw new NotFoundException(`${flightNumber} is not scheduled on ${flightDate}`);
      }
      const changed = filed ?? (await this.changeAmount(manager, flightNumber, flightDate, held, fare));
      const now = changed ?? held;
      const money = { amount: now.amount, currency: now.currency };
      if (changed) {
        const event = createIntegrationEvent('fare.changed', {
          flightNumber,
          flightDate,
          fare: money,
          fareVersion: changed.version,
        });
        await this.outbox.write(manager, event, flightKey({ flightNumber, flightDate }));
      }
      return { filed: Boolean(filed), fare: { flightNumber, flightDate, fare: money } };
    });
  }

  /** The new amount, or undefined when it is the amount already (no new version, no event). */
  private async changeAmount(
    manager: EntityManager,
    flightNumber: string,
    flightDate: string,
    current: FareRow,
    fare: Money,
  ): Promise<FareRow | undefined> {
    if (current.currency !== fare.currency) {
      throw new InvalidInputException([
        { field: 'currency', detail: `${flightNumber} is sold in ${current.currency}` },
      ]);
    }
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [[changed]] = (await manager.query(
      `UPDATE fares SET amount = $3, version = version + 1
        WHERE flight_number = $1 AND flight_date = $2 AND amount <> $3::numeric
       RETURNING amount, currency, version`,
      [flightNumber, flightDate, fare.amount],
    )) as [FareRow[], number];
    return changed;
  }
}
