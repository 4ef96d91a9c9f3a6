import { Injectable } from '@nestjs/common';
import type { BookingSummary, Money } from '@pss/contracts';
import { ServiceHttpClient, type ServiceResponse } from '@pss/registry-client';

export interface Flight {
  flightNumber: string;
  origin: string;
  destination: string;
  date: string;
  departureTime: string;
  arrivalTime: string;
  fare: Money;
  seatsAvailable: number;
}

export interface FieldProblem {
  field: string;
  detail: string;
}

/** What a service answered when it refused: its status and problem details. */
export interface Refusal {
  status: number;
  detail: string;
  errors: FieldProblem[];
  /** Extensions the services add, such as `currentFare` or `seatsLeft`. */
  extensions: Record<string, unknown>;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export interface SeatMap {
  flightNumber: string;
  date: string;
  rows: number;
  letters: string;
  freeSeats: number;
  seats: { seat: string; free: boolean }[];
}

export interface BoardingPass {
  firstName: string;
  lastName: string;
  flightNumber: string;
  flightDate: string;
  seat: string;
  boardingReference: string;
}

export interface Checkin {
  id: string;
  bookingId: string;
  bookingReference: string;
  flightNumber: string;
  flightDate: string;
  boardingPasses: BoardingPass[];
}

export interface NewBooking {
  flightNumber: string;
  origin: string;
  destination: string;
  flightDate: string;
  fare: Money;
  passengers: { firstName: string; lastName: string; gender: string }[];
}

/**
 * The services the website's pages call, by name through the registry. A refusal (4xx) comes back
 * as an answer; a service that cannot be reached throws (NoInstanceAvailableException, a 503).
 */
@Injectable()
export class PssServices {
  constructor(private readonly http: ServiceHttpClient) {}

  flights(query: { origin: string; destination: string; date: string; passengers: string }) {
    return this.answer<Flight[]>(this.http.get('search', `/flights?${new URLSearchParams(query)}`));
  }

  booking(id: string) {
    return this.answer<BookingSummary>(this.http.get('booking', `/bookings/${encodeURIComponent(id)}`));
  }

  /** `forwardedFor`: the passenger's X-Forwarded-For, whom booking counts the look-up against. */
  findBooking(reference: string, lastName: string, forwardedFor: string) {
    return this.answer<BookingSummary>(
      this.http.get('booking', `/bookings?${new URLSearchParams({ reference, lastName })}`, {
        'x-forwarded-for': forwardedFor,
      }),
    );
  }

  book(booking: NewBooking, idempotencyKey: string) {
    return this.answer<BookingSummary>(
      this.http.post('booking', '/bookings', booking, { 'idempotency-key': idempotencyKey }),
    );
  }

  cancel(id: string) {
    return this.answer<BookingSummary>(
      this.http.request('booking', {
        method: 'POST',
        path: `/bookings/${encodeURIComponent(id)}/cancel`,
        idempotent: true,
      }),
    );
  }

  seatMap(flightNumber: string, date: string) {
    return this.answer<SeatMap>(
      this.http.get(
        'checkin',
        `/flights/${encodeURIComponent(flightNumber)}/${encodeURIComponent(date)}/seats`,
      ),
    );
  }

  checkIn(bookingId: string, seats: { passenger: number; seat: string }[]) {
    return this.answer<Checkin>(
      this.http.request('checkin', {
        method: 'POST',
        path: '/checkins',
        body: { bookingId, seats },
        idempotent: true,
      }),
    );
  }

  checkin(id: string) {
    return this.answer<Checkin>(this.http.get('checkin', `/checkins/${encodeURIComponent(id)}`));
  }

  private async answer<T>(sent: Promise<ServiceResponse>): Promise<Answer<T>> {
    const response = await sent;
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, value: body as T };
    const {
      status,
      detail,
      errors,
      type: _type,
      title: _title,
      instance: _instance,
      requestId: _id,
      ...extensions
    } = body;
    return {
      ok: false,
      refusal: {
        status: response.status,
        detail: typeof detail === 'string' ? detail : `answered ${String(status ?? response.status)}`,
        errors: Array.isArray(errors) ? (errors as FieldProblem[]) : [],
        extensions,
      },
    };
  }
}
