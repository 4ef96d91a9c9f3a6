import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CheckinCompletedEvent } from '@pss/contracts';
import { EventConsumer } from '@pss/messaging';
import { MetricsService } from '@pss/platform';
import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';

type Outcome = 'checked_in' | 'already_checked_in' | 'cancelled' | 'unknown_booking';

/**
 * A booking becomes CHECKED_IN when check-in says so (`checkin.completed`), once: the inbox drops
 * a redelivered event, and the update applies to a CONFIRMED booking only.
 */
@Injectable()
export class CheckedInProjection implements OnModuleInit {
  private readonly logger = new Logger(CheckedInProjection.name);
  private readonly events: Counter<'outcome'>;

  constructor(
    private readonly consumer: EventConsumer,
    metrics: MetricsService,
  ) {
    this.events = new Counter({
      name: 'booking_checkin_events_total',
      help: "Check-in's events by what they did to the booking",
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    this.consumer.handle(
      'checkin.completed',
      async (event, manager) => void (await this.apply(event, manager)),
    );
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
    this.events.inc({ outcome });
    return outcome;
  }
}
