import { mapWithConcurrency } from '@pss/testing';
import type { CheckinWorld } from './checkin-world';

/** What each side of a (check-in, cancel) pair answered, by booking. */
export interface PairAnswers {
  bookingId: string;
  checkin: number;
  cancel: number;
}

/** For each booking, a check-in and a cancel sent at the same moment; 10 pairs at a time. */
export function raceCheckinsWithCancels(world: CheckinWorld, bookingIds: string[]): Promise<PairAnswers[]> {
  return mapWithConcurrency(bookingIds, 10, async (bookingId) => {
    const [checkin, cancel] = await Promise.all([
      world.post('/checkins', { bookingId }),
      world.cancel(bookingId),
    ]);
    await Promise.all([checkin.body?.cancel(), cancel.body?.cancel()]);
    return { bookingId, checkin: checkin.status, cancel: cancel.status };
  });
}

/**
 * Where each booking ended, read from both databases: `checked in` (CHECKED_IN at booking, a
 * check-in with boarding passes at check-in), `cancelled` (CANCELLED at booking, no check-in), or
 * a description of anything else, which breaks the invariant.
 */
export async function endStates(world: CheckinWorld, bookingIds: string[]): Promise<Map<string, string>> {
  const { rows: bookings } = await world.bookingDatabase.query<{ id: string; status: string }>(
    'SELECT id, status FROM bookings WHERE id = ANY($1::uuid[])',
    [bookingIds],
  );
  const checkins: { bookingId: string; passes: number }[] = await world.dataSource.query(
    `SELECT c.booking_id AS "bookingId", count(p.checkin_id)::int AS passes
       FROM checkins c LEFT JOIN boarding_passes p ON p.checkin_id = c.id
      WHERE c.booking_id = ANY($1::uuid[]) GROUP BY c.booking_id`,
    [bookingIds],
  );
  const passesOf = new Map(checkins.map((checkin) => [checkin.bookingId, checkin.passes]));
  const states = new Map<string, string>();
  for (const { id, status } of bookings) {
    const passes = passesOf.get(id);
    if (status === 'CHECKED_IN' && passes !== undefined && passes > 0) states.set(id, 'checked in');
    else if (status === 'CANCELLED' && passes === undefined) states.set(id, 'cancelled');
    else
      states.set(id, `${status} with ${passes === undefined ? 'no check-in' : `${passes} boarding passes`}`);
  }
  return states;
}

/** How many bookings ended in each state. */
export function tally(states: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const state of states.values()) counts[state] = (counts[state] ?? 0) + 1;
  return counts;
}
