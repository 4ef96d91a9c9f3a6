import { HttpStatus, Injectable } from '@nestjs/common';
import { createIntegrationEvent } from '@pss/contracts';
import { OutboxWriter } from '@pss/messaging';
import { ProblemException } from '@pss/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { SeatInventory } from '../inventory/seat-inventory';
import { Booking } from './booking.entity';
import { BookingReader } from './booking-reader';
import { newBookingReference } from './booking-reference';
import type { CreateBookingRequest } from './dto/create-booking.request';
import { BookingResponse } from './dto/booking.response';
import { FareCheck } from './fare-check';
import { requestHash } from './request-hash';

export interface BookingOutcome {
  booking: BookingResponse;
  /** An earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

const REFERENCE_TAKEN = 'UQ_bookings_reference';
const ATTEMPTS = 3;

/**
 * Books seats: the fare is checked with the fares service first (nothing is written if it does
 * not match or does not answer); then one transaction writes the booking and its passengers, takes
 * the seats with one conditional update, and writes `booking.confirmed` to the outbox. With an
 * Idempotency-Key, the same key and request give back the same booking, also when the retries race.
 */
@Injectable()
export class BookFlight {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fares: FareCheck,
    private readonly seats: SeatInventory,
    private readonly outbox: OutboxWriter,
    private readonly reader: BookingReader,
  ) {}

  async book(request: CreateBookingRequest, idempotencyKey?: string): Promise<BookingOutcome> {
    const key = idempotencyKey && { key: idempotencyKey, hash: requestHash(request) };
    const earlier = key && (await this.replay(this.dataSource.manager, key));
    if (earlier) return earlier;
    await this.fares.ensureQuoted(request);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) =>
          this.record(manager, request, key || undefined),
        );
      } catch (error) {
        // A new reference that happens to be taken already: draw another.
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        if (constraint !== REFERENCE_TAKEN || attempt === ATTEMPTS) throw error;
      }
    }
  }

  private async record(
    manager: EntityManager,
    request: CreateBookingRequest,
    key?: { key: string; hash: string },
  ): Promise<BookingOutcome> {
    if (key) {
      // Retries with one key wait for each other here; the first to commit makes the booking.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key.key]);
      const earlier = await this.replay(manager, key);
      if (earlier) return earlier;
    }
    const id = randomUUID();
    const { flightNumber, origin, destination, flightDate, fare, passengers } = request;
    await manager.query(
      `INSERT INTO bookings (id, reference, flight_number, origin, destination, flight_date, fare_amount,
                             fare_currency, status, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'CONFIRMED', $9, $10)`,
      [
        id,
        newBookingReference(),
        flightNumber,
        origin,
        destination,
        flightDate,
        fare.amount,
        fare.currency,
        key?.key ?? null,
        key?.hash ?? null,
      ],
    );
    await manager.query(
      `INSERT INTO passengers (booking_id, position, first_name, last_name, gender)
       SELECT $1, position, first_name, last_name, gender
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p(first_name, last_name, gender, position)`,
      [
        id,
        passengers.map((p) => p.firstName),
        passengers.map((p) => p.lastName),
        passengers.map((p) => p.gender),
      ],
    );
    // Last, so that the inventory row stays locked for as short a time as possible.
    const change = await this.seats.take(manager, request, passengers.length);
    const event = createIntegrationEvent('booking.confirmed', {
      bookingId: id,
      flightNumber,
      flightDate,
      seats: passengers.length,
      ...change,
    });
    await this.outbox.write(manager, event, `${flightNumber}/${flightDate}`);
    return { booking: await this.reader.byId(id, manager), replayed: false };
  }

  private async replay(
    manager: EntityManager,
    { key, hash }: { key: string; hash: string },
  ): Promise<BookingOutcome | undefined> {
    const earlier = await manager.findOne(Booking, {
      where: { idempotencyKey: key },
      select: { id: true, requestHash: true },
    });
    if (!earlier) return undefined;
    if (earlier.requestHash !== hash) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'This Idempotency-Key was already used with a different request',
      );
    }
    return { booking: await this.reader.byId(earlier.id, manager), replayed: true };
  }
}
