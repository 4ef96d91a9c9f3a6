import { HttpStatus, Injectable } from '@nestjs/common';
import type { BookingSummary } from '@pss/contracts';
import { ServiceHttpClient, upstreamFailure } from '@pss/registry-client';

/** The booking service, asked through the registry: which booking a check-in is for. */
@Injectable()
export class BookingDirectory {
  constructor(private readonly services: ServiceHttpClient) {}

  byId(id: string): Promise<BookingSummary | undefined> {
    return this.ask(`/bookings/${encodeURIComponent(id)}`);
  }

  byReference(reference: string, lastName: string): Promise<BookingSummary | undefined> {
    return this.ask(`/bookings?${new URLSearchParams({ reference, lastName })}`);
  }

  private async ask(path: string): Promise<BookingSummary | undefined> {
    const response = await this.services.get('booking', path);
    if (response.status === HttpStatus.NOT_FOUND) {
      await response.body?.cancel();
      return undefined;
    }
    // A 400 of booking's is the client's input, not booking being down: never a 503.
    if (!response.ok) throw await upstreamFailure('booking', response);
    return (await response.json()) as BookingSummary;
  }
}
