import { HttpStatus, Injectable } from '@nestjs/common';
import type { BookingSummary, UnconfirmedCheckinSummary, UnconfirmedCheckinsPage } from '@pss/contracts';
import { ServiceHttpClient } from '@pss/registry-client';
import { refusalOf } from './booking-refusal';

/**
 * The booking service, asked through the registry: which booking a check-in is for, and its
 * agreement to the move to CHECKED_IN (taken back when check-in refuses after all, or never
 * recorded the check-in).
 */
@Injectable()
export class BookingDirectory {
  constructor(private readonly services: ServiceHttpClient) {}

  byId(id: string): Promise<BookingSummary | undefined> {
    return this.ask(`/bookings/${encodeURIComponent(id)}`);
  }

  byReference(reference: string, lastName: string): Promise<BookingSummary | undefined> {
    return this.ask(`/bookings?${new URLSearchParams({ reference, lastName })}`);
  }

  /**
   * Asks booking to move the booking to CHECKED_IN for check-in `checkinId`; resolves with the
   * booking once it agreed, throws what check-in answers otherwise. Safe to send again (booking
   * agrees again to the same check-in), so it is retried on another instance like a GET.
   */
  async checkIn(bookingId: string, checkinId: string): Promise<BookingSummary> {
    const response = await this.services.request('booking', {
      method: 'POST',
      path: `/bookings/${encodeURIComponent(bookingId)}/check-in`,
      body: { checkinId },
      idempotent: true,
    });
    if (!response.ok) throw await refusalOf(response);
    return (await response.json()) as BookingSummary;
  }

  /**
   * Asks booking to take back its move to CHECKED_IN for check-in `checkinId`: the booking is
   * CONFIRMED again. Safe to send again, so retried on another instance like a GET.
   */
  async withdrawCheckIn(bookingId: string, checkinId: string): Promise<void> {
    const response = await this.services.request('booking', {
      method: 'DELETE',
      path: `/bookings/${encodeURIComponent(bookingId)}/check-in/${encodeURIComponent(checkinId)}`,
      idempotent: true,
    });
    if (!response.ok) throw await refusalOf(response);
    await response.body?.cancel();
  }

  /**
   * The bookings booking moved to CHECKED_IN for a check-in whose `checkin.completed` it has not
   * had for `forMs`, the oldest first, a page at a time: none from a booking of a version that does
   * not list them.
   */
  async *unconfirmedCheckins(forMs: number): AsyncGenerator<UnconfirmedCheckinSummary[]> {
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ forMs: String(forMs), ...(after && { after }) });
      const page = await this.ask<UnconfirmedCheckinsPage>(`/check-in-agreements/unconfirmed?${query}`);
      if (!page) return;
      yield page.items;
      after = page.next;
    } while (after);
  }

  /** GET `path` of booking: its body, undefined for a 404, what check-in answers otherwise thrown. */
  private async ask<Body = BookingSummary>(path: string): Promise<Body | undefined> {
    const response = await this.services.get('booking', path);
    if (response.status === HttpStatus.NOT_FOUND) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) throw await refusalOf(response);
    return (await response.json()) as Body;
  }
}
