import { HttpStatus, Injectable } from '@nestjs/common';
import { outboxWritten } from '@pss/messaging';
import { ProblemException, queryPrepared, type PreparedStatement } from '@pss/platform';
import { DataSource } from 'typeorm';
import { SeatInventory } from '../inventory/seat-inventory';
import { BookingReader } from './booking-reader';
import type { BookingResponse } from './dto/booking.response';
import type { CreateBookingRequest } from './dto/create-booking.request';
import { FareCheck } from './fare-check';
import { newBooking, RECORD_BOOKING, recordBookingParameters, recordedBooking } from './record-booking';
import { requestHash } from './request-hash';

export interface BookingOutcome {
  booking: BookingResponse;
  /** An earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

type Idempotency = { key: string; hash: string };

const REFERENCE_TAKEN = 'UQ_bookings_reference';
const IDEMPOTENCY_KEY_TAKEN = 'UQ_bookings_idempotency_key';
const ATTEMPTS = 3;
export const BOOKING_BY_IDEMPOTENCY_KEY: PreparedStatement = {
  name: 'booking_by_idempotency_key',
  text: 'SELECT id, request_hash AS "requestHash" FROM bookings WHERE idempotency_key = $1',
};

/**
 * Books seats: the fare is checked with the fares service first (nothing is written if it does
 * not match or does not answer); then one statement takes the seats and records the booking, its
 * passengers and `booking.confirmed` (record-booking.ts). With an Idempotency-Key, the same key and
 * request give back the same booking, also when the retries race.
 */
@Injectable()
export class BookFlight {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fares: FareCheck,
    private readonly seats: SeatInventory,
    private readonly reader: BookingReader,
  ) {}

  async book(request: CreateBookingRequest, idempotencyKey?: string): Promise<BookingOutcome> {
    const idempotency = idempotencyKey ? { key: idempotencyKey, hash: requestHash(request) } : undefined;
    const earlier = idempotency && (await this.replay(idempotency));
    if (earlier) return earlier;
    await this.fares.ensureQuoted(request);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.record(request, idempotency);
      } catch (error) {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        // Retries with one key that raced: the database let the first one's statement commit and
        // undid the others' whole statements, seats included. They answer with its booking.
        if (constraint === IDEMPOTENCY_KEY_TAKEN && idempotency) {
          const first = await this.replay(idempotency);
          if (first) return first;
        }
        // A new reference that happens to be taken already: draw another.
        if (constraint !== REFERENCE_TAKEN || attempt === ATTEMPTS) throw error;
      }
    }
  }

  private async record(request: CreateBookingRequest, idempotency?: Idempotency): Promise<BookingOutcome> {
    const manager = this.dataSource.manager;
    const toRecord = newBooking(request, this.seats.safetyBuffer, idempotency);
    const [recorded] = await queryPrepared<{ reference: string; createdAt: Date }>(
      manager,
      RECORD_BOOKING,
      recordBookingParameters(toRecord),
    );
    if (!recorded) throw await this.seats.whyNot(manager, request, request.passengers.length);
    outboxWritten(manager);
    return { booking: recordedBooking(toRecord, recorded), replayed: false };
  }

  private async replay({ key, hash }: Idempotency): Promise<BookingOutcome | undefined> {
    const [earlier] = await queryPrepared<{ id: string; requestHash: string }>(
      this.dataSource.manager,
      BOOKING_BY_IDEMPOTENCY_KEY,
      [key],
    );
    if (!earlier) return undefined;
    if (earlier.requestHash !== hash) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'This Idempotency-Key was already used with a different request',
      );
    }
    return { booking: await this.reader.byId(earlier.id), replayed: true };
  }
}
