import { Injectable, Logger } from '@nestjs/common';
import type { CheckinCompletedEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';

type Outcome = 'agreed' | 'checked_in' | 'other_checkin' | 'cancelled' | 'unknown_booking';

/**
 * `checkin.completed` confirms what booking already agreed to (POST /bookings/{id}/check-in): the
 * usual outcome is `agreed`, and the agreement is no longer unconfirmed (UnconfirmedCheckins). A
 * check-in that did not ask first (one written by a check-in service of an earlier version, still
 * waiting in its outbox) moves a CONFIRMED booking to CHECKED_IN, once; anything else is logged
 * and counted.
 */
@Injectable()
export class CheckedInProjection extends Projection<'checkin.completed', Outcome> {
  private readonly logger = new Logger(CheckedInProjection.name);

  constructor(consumer: EventConsumer, metrics: MetricsService) {
    super(consumer, metrics.registry, {
      events: ['checkin.completed'],
      metric: {
        name: 'booking_checkin_events_total',
        help: "Check-in's events by what they did to the booking",
      },
    });
  }

  async apply(event: CheckinCompletedEvent, manager: EntityManager): Promise<Outcome> {
    const { bookingId, checkinId } = event.payload;
    const [confirmed] = (await manager.query(
      `UPDATE bookings SET checkin_unconfirmed_since = NULL
        WHERE id = $1 AND checkin_id::text = $2 AND checkin_unconfirmed_since IS NOT NULL RETURNING id`,
      [bookingId, checkinId.toLowerCase()],
    )) as [unknown[], number];
    if (confirmed.length > 0) return 'agreed';
    const [updated] = (await manager.query(
      `UPDATE bookings SET status = 'CHECKED_IN' WHERE id = $1 AND status = 'CONFIRMED' RETURNING id`,
      [bookingId],
    )) as [unknown[], number];
    if (updated.length > 0) return 'checked_in';
    const [booking] = await manager.query(
      'SELECT status, checkin_id::text AS "checkinId" FROM bookings WHERE id = $1',
      [bookingId],
    );
    const outcome: Outcome = !booking
      ? 'unknown_booking'
      : booking.status === 'CANCELLED'
        ? 'cancelled'
        : booking.checkinId === checkinId.toLowerCase()
          ? 'agreed'
          : 'other_checkin';
    if (outcome !== 'agreed')
      this.logger.warn(`${event.id}: check-in ${checkinId} of ${bookingId}: ${outcome.replace('_', ' ')}`);
    return outcome;
  }
}
