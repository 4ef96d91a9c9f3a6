import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { createIntegrationEvent, type BookingSummary } from '@pss/contracts';
import { outboxWritten } from '@pss/messaging';
import { ProblemException, queryPrepared, todayUtc } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingDirectory } from '../booking/booking-directory';
import { CheckinConfig } from '../config/checkin-config';
import { assignSeats } from '../seats/assign-seats';
import { SeatMaps, type FlightSeats } from '../seats/seat-maps';
import { checkinIdOf } from './checkin-id';
import { lockBooking } from './booking-lock';
import {
  boardingPassesOf,
  FLIGHT_LOCK,
  flightLockKey,
  RECORD_CHECKIN,
  recordCheckinParameters,
  recordedCheckin,
} from './record-checkin';
import { CheckinReader } from './checkin-reader';
import type { CheckinResponse } from './dto/checkin.response';
import type { CreateCheckinRequest } from './dto/create-checkin.request';
import { AgreementLeftUnsettled, bookingRefused, UnsettledAgreements } from './unsettled-agreements';

export interface CheckinOutcome {
  checkin: CheckinResponse;
  /** false: the booking was checked in before, this is that check-in. */
  created: boolean;
}

const SEAT_TAKEN = 'UQ_boarding_passes_seat';
const REFERENCE_TAKEN = 'UQ_boarding_passes_reference';
const ATTEMPTS = 3;

/**
 * Checks a booking in: a seat per passenger (held by the database to one passenger per flight and
 * date), the check-in and `checkin.completed` in the outbox, in one transaction. Booking owns the
 * status and is asked first, to move the booking to CHECKED_IN for this check-in: a cancel that won
 * there refuses the check-in, and nothing is written here. A refusal after booking agreed (a wanted
 * seat taken in the meantime) takes the agreement back. A booking checked in before gets its
 * check-in back.
 */
@Injectable()
export class CreateCheckin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: BookingDirectory,
    private readonly seatMaps: SeatMaps,
    private readonly reader: CheckinReader,
    private readonly config: CheckinConfig,
    private readonly unsettled: UnsettledAgreements,
  ) {}

  async createCheckin(request: CreateCheckinRequest): Promise<CheckinOutcome> {
    const booking = request.bookingId
      ? await this.bookings.byId(request.bookingId)
      : await this.bookings.byReference(request.reference ?? '', request.lastName ?? '');
    if (!booking) throw new NotFoundException('No such booking');
    const { earlier, flight } = await this.standing(this.dataSource.manager, booking);
    if (earlier) return { checkin: earlier, created: false };
    this.ensureOpen(booking);
    const wanted = this.wantedSeats(request, booking);
    // Refusals check-in can tell before asking booking: a booking agreed to is no longer cancellable.
    this.chooseSeats(flight, booking, wanted);
    const id = checkinIdOf(booking.id);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) =>
          this.agreeAndRecord(manager, booking, id, wanted),
        );
      } catch (thrown) {
        const error =
          thrown instanceof AgreementLeftUnsettled
            ? await this.unsettled.note(booking.id, id, thrown)
            : thrown;
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        // A boarding reference drawn at random that is taken already: draw others.
        if (constraint === REFERENCE_TAKEN && attempt < ATTEMPTS) continue;
        if (constraint !== SEAT_TAKEN) throw error;
        throw new ProblemException(HttpStatus.CONFLICT, 'A wanted seat was taken meanwhile');
      }
    }
  }

  /**
   * Booking's agreement, then the check-in, under the booking's lock until the commit: a refusal
   * after the agreement takes it back before another check-in of the booking can commit, so that
   * booking says CHECKED_IN for check-ins made here only. Booking's calls are the only network waits
   * under a lock, and only check-ins of the same booking wait on them. An agreement whose answer
   * never came, or that could not be taken back, is left unsettled (AgreementLeftUnsettled): noted
   * once the transaction ended, and settled later. A failed commit takes nothing back: the check-in
   * may be committed (the passenger's retry finds it, or makes it).
   */
  private async agreeAndRecord(
    manager: EntityManager,
    booking: BookingSummary,
    id: string,
    wanted: Map<number, string>,
  ): Promise<CheckinOutcome> {
    await lockBooking(manager, booking.id);
    try {
      await this.bookings.checkIn(booking.id, id);
    } catch (error) {
      // Anything but booking's refusal (no answer in time, booking failing) may follow its agreement.
      throw bookingRefused(error) ? error : new AgreementLeftUnsettled(error);
    }
    try {
      return await this.record(manager, booking, id, wanted);
    } catch (error) {
      await this.bookings.withdrawCheckIn(booking.id, id).catch((failed) => {
        throw new AgreementLeftUnsettled(error, failed);
      });
      throw error;
    }
  }

  private async record(
    manager: EntityManager,
    booking: BookingSummary,
    id: string,
    wanted: Map<number, string>,
  ): Promise<CheckinOutcome> {
    // Check-ins of one flight take their turn here (so that picking free seats does not race); the
    // unique index on the seat is what holds a seat to one passenger. Nothing under it waits on
    // the network.
    await manager.query(FLIGHT_LOCK, [flightLockKey(booking)]);
    const { earlier, flight } = await this.standing(manager, booking);
    if (earlier) return { checkin: earlier, created: false };
    const seats = this.chooseSeats(flight, booking, wanted);
    const passes = boardingPassesOf(booking, seats);
    const event = createIntegrationEvent('checkin.completed', { checkinId: id, bookingId: booking.id });
    const [{ createdAt }] = await queryPrepared<{ createdAt: Date }>(
      manager,
      RECORD_CHECKIN,
      recordCheckinParameters(id, booking, passes, event),
    );
    outboxWritten(manager);
    return { checkin: recordedCheckin(id, booking, passes, createdAt), created: true };
  }

  /** The booking's check-in if it has one, and its flight's seats: one round trip, two if it has one. */
  private async standing(
    manager: EntityManager,
    booking: BookingSummary,
  ): Promise<{ earlier?: CheckinResponse; flight?: FlightSeats }> {
    const { checkedIn, flight } = await this.seatMaps.forCheckin(manager, booking);
    return { earlier: checkedIn ? await this.reader.byBooking(manager, booking.id) : undefined, flight };
  }

  /** The seats the passengers get on the flight as it stands, or the refusal (409, 422, 503). */
  private chooseSeats(
    flight: FlightSeats | undefined,
    { flightNumber, flightDate, passengers }: BookingSummary,
    wanted: Map<number, string>,
  ): string[] {
    // Booking sells the flight, so the schedule's event for it is on its way to check-in too.
    if (!flight) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        `Check-in has not yet had the schedule of ${flightNumber} on ${flightDate}; try again shortly`,
      );
    }
    return assignSeats(flight.map.seats, flight.taken, wanted, passengers.length);
  }

  private ensureOpen({ id, status, flightNumber, flightDate }: BookingSummary): void {
    // CHECKED_IN without a check-in here: booking may have agreed to this very check-in before it
    // could be committed; booking tells (it agrees again to the same check-in id, and only to it).
    if (status === 'CANCELLED') throw new ConflictException(`Booking ${id} is cancelled`);
    const opens = new Date(Date.parse(flightDate) - this.config.opensDaysBefore * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const today = todayUtc();
    if (today < opens)
      throw new ConflictException(`Check-in for ${flightNumber} on ${flightDate} opens on ${opens}`);
    if (today > flightDate)
      throw new ConflictException(`Check-in for ${flightNumber} on ${flightDate} has closed`);
  }

  private wantedSeats({ seats = [] }: CreateCheckinRequest, booking: BookingSummary): Map<number, string> {
    const wanted = new Map<number, string>();
    for (const { passenger, seat } of seats) {
      if (passenger > booking.passengers.length) {
        throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `The booking has ${booking.passengers.length} passengers, not ${passenger}`,
        );
      }
      if (wanted.has(passenger))
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, `Passenger ${passenger} wants two seats`);
      wanted.set(passenger, seat);
    }
    return wanted;
  }
}
