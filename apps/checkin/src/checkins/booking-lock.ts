import type { EntityManager } from 'typeorm';

// The two-key form: its keys never meet the one-key locks of the flights.
export const BOOKING_LOCK = "SELECT pg_advisory_xact_lock(hashtext('checkin.booking'), hashtext($1))";

/**
 * Takes the booking's lock until `manager`'s transaction ends: check-ins of one booking, and the
 * settling of an agreement booking gave to one, take their turn from booking's call to the commit.
 */
export async function lockBooking(manager: EntityManager, bookingId: string): Promise<void> {
  await manager.query(BOOKING_LOCK, [bookingId]);
}
