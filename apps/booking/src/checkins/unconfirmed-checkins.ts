import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UnconfirmedCheckinsResponse } from './dto/unconfirmed-checkins.dto';

const PAGE = 100;
/** A page's place in the listing: its last item's wait start, in microseconds, and booking id. */
export const PAGE_CURSOR = /^(\d{1,19})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The bookings CHECKED_IN by an agreement (POST /bookings/{id}/check-in) that check-in's
 * `checkin.completed` has not confirmed for a while: check-in may never have recorded the check-in
 * (its instance stopped between the agreement and its commit). Check-in asks for them and, under
 * its lock on each booking, takes back those it holds no check-in of. Pages are read after a
 * cursor (keyset), so settling the items of one page does not move the next.
 */
@Injectable()
export class UnconfirmedCheckins {
  constructor(private readonly dataSource: DataSource) {}

  async olderThan(ms: number, after?: string): Promise<UnconfirmedCheckinsResponse> {
    const [, afterMicros, afterBooking] = (after && PAGE_CURSOR.exec(after)) || [];
    const rows: { bookingId: string; checkinId: string; unconfirmedSince: Date; cursor: string }[] =
      await this.dataSource.query(
        `SELECT id AS "bookingId", checkin_id AS "checkinId", checkin_unconfirmed_since AS "unconfirmedSince",
                (extract(epoch FROM checkin_unconfirmed_since) * 1000000)::bigint || '_' || id AS cursor
           FROM bookings
          WHERE status = 'CHECKED_IN' AND checkin_unconfirmed_since IS NOT NULL
            AND checkin_unconfirmed_since <= now() - make_interval(secs => $1::float8 / 1000)
            AND ($2::bigint IS NULL
                 OR (checkin_unconfirmed_since, id) > ('epoch'::timestamptz + $2::bigint * interval '1 microsecond', $3::uuid))
          ORDER BY checkin_unconfirmed_since, id LIMIT ${PAGE}`,
        [ms, afterMicros ?? null, afterBooking ?? null],
      );
    const items = rows.map(({ bookingId, checkinId, unconfirmedSince }) => ({
      bookingId,
      checkinId,
      unconfirmedSince: unconfirmedSince.toISOString(),
    }));
    return rows.length === PAGE ? { items, next: rows.at(-1)?.cursor } : { items };
  }
}
