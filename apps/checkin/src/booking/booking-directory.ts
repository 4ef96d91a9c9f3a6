import { HttpStatus, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { BookingSummary } from '@pss/contracts';
import { ServiceHttpClient } from '@pss/registry-client';

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
    if (!response.ok) {
      await response.body?.cancel();
      throw new ServiceUnavailableException(
        `The booking service answered ${response.status}; try again shortly.`,
      );
    }
    return (await response.json()) as BookingSummary;
  }
}
