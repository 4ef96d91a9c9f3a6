import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UnconfirmedCheckinsResponse } from './dto/unconfirmed-checkins.dto';

const PAGE = 100;

/**
 * The bookings CHECKED_IN by an agreement (POST /bookings/{id}/check-in) that check-in's
 * `checkin.completed` has not confirmed for a while: check-in may never have recorded the check-in
 * (its instance stopped between the agreement and its commit). Check-in asks for them and, under
 * its lock on each booking, takes back those it holds no check-in of.
 */
@Injectable()
export class UnconfirmedCheckins {
  constructor(private readonly dataSource: DataSource) {}

  async olderThan(ms: number): Promise<UnconfirmedCheckinsResponse> {
    const items = await this.dataSource.query(
      `SELECT id AS "bookingId", checkin_id AS "checkinId", checkin_unconfirmed_since AS "unconfirmedSince"
         FROM bookings
        WHERE status = 'CHECKED_IN' AND checkin_unconfirmed_since IS NOT NULL
          AND checkin_unconfirmed_since <= now() - make_interval(secs => $1::float8 / 1000)
        ORDER BY checkin_unconfirmed_since LIMIT ${PAGE}`,
      [ms],
    );
    return { items };
  }
}
