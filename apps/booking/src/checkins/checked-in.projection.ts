import { Injectable, Logger } from '@nestjs/common';
import type { CheckinCompletedEvent } from '@pss/contracts';
import { EventConsumer, Projection } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import type { EntityManager } from 'typeorm';

type Outcome = 'checked_in' | 'already_checked_in' | 'cancelled' | 'unknown_booking';

/**
 * A booking becomes CHECKED_IN when check-in says so (`checkin.completed`), once: the inbox drops
 * a redelivered event, and the update applies to a CONFIRMED booking only.
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
    const { bookingId } = event.payload;
    const [updated] = (await manager.query(
      `UPDATE bookings SET status = 'CHECKED_IN' WHERE id = $1 AND status = 'CONFIRMED' RETURNING id`,
      [bookingId],
    )) as [unknown[], number];
    let outcome: Outcome = 'checked_in';
    if (updated.length === 0) {
      const [booking] = await manager.query('SELECT status FROM bookings WHERE id = $1', [bookingId]);
      outcome = !booking
        ? 'unknown_booking'
        : booking.status === 'CANCELLED'
          ? 'cancelled'
          : 'already_checked_in';
      if (outcome !== 'already_checked_in')
        this.logger.warn(`${event.id}: check-in for ${outcome.replace('_', ' ')} ${bookingId}`);
    }
    return outcome;
  }
}
