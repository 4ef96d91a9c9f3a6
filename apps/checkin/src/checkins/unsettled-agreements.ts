import {
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { MetricsService, registerCountedGauge } from '@pss/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingDirectory } from '../booking/booking-directory';
import { CheckinConfig } from '../config/checkin-config';
import { lockBooking } from './booking-lock';

const SETTLED_PER_ROUND = 100;
const OLD_ENOUGH = 'noted_at <= now() - make_interval(secs => $1::float8 / 1000)';
/** Whether a check-in of the booking given as parameter `param` is recorded. */
const checkinRecorded = (param: string) =>
  `EXISTS (SELECT 1 FROM checkins WHERE booking_id = ${param}) AS recorded`;

/**
 * A failure after which booking may hold its agreement to a check-in that is not recorded here:
 * its answer to the agreement never came, or taking the agreement back failed (`reason`). `failure`
 * is what the passenger is answered.
 */
export class AgreementLeftUnsettled extends Error {
  constructor(
    readonly failure: unknown,
    reason: unknown = failure,
  ) {
    super((reason as Error).message);
  }
}

/** True when booking answered the agreement with a refusal: booking changed nothing. */
export const bookingRefused = (error: unknown): boolean =>
  error instanceof HttpException && error.getStatus() < 500;

/**
 * The agreements booking may hold with no check-in to show for them, noted when one is left so, or
 * listed by booking as unconfirmed by any `checkin.completed`, and settled once they are old enough
 * (SETTLE_AGREEMENTS_AFTER_MS): under the booking's lock, an agreement whose check-in was recorded
 * (the passenger retried, or its event is on its way) stays; any other is taken back, and the
 * booking is CONFIRMED again, cancellable. Taking back fails while booking cannot be reached: the
 * next round tries again. Every instance settles; the booking's lock makes one of them do each.
 */
@Injectable()
export class UnsettledAgreements implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UnsettledAgreements.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: BookingDirectory,
    private readonly config: CheckinConfig,
    metrics: MetricsService,
  ) {
    registerCountedGauge(metrics.registry, {
      name: 'checkin_unsettled_agreements',
      help: 'Bookings whose agreement to a check-in booking may hold with no check-in here, until settled',
      count: async () => (await dataSource.query('SELECT count(*)::int AS n FROM unsettled_agreements'))[0].n,
    });
  }

  onApplicationBootstrap(): void {
    const every = Math.max(100, Math.round(this.config.settleAgreementsAfterMs / 3));
    this.timer = setInterval(() => {
      this.round ??= this.settleDue().finally(() => (this.round = undefined));
    }, every).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // A round ends after the booking it is settling: booking's calls of a whole round could outlast
    // the shutdown's deadline while booking cannot be reached.
    this.stopping = true;
    clearInterval(this.timer);
    await this.round;
  }

  /** Notes the agreement to check-in `checkinId` of `bookingId` as unsettled; returns what to answer. */
  async note(bookingId: string, checkinId: string, unsettled: AgreementLeftUnsettled): Promise<unknown> {
    try {
      await this.dataSource.query(
        `INSERT INTO unsettled_agreements (booking_id, checkin_id) VALUES ($1, $2)
         ON CONFLICT (booking_id) DO UPDATE SET checkin_id = EXCLUDED.checkin_id, noted_at = now()`,
        [bookingId, checkinId],
      );
      this.logger.warn(
        `booking ${bookingId} may hold its agreement to check-in ${checkinId} unrecorded: taken back in ${this.config.settleAgreementsAfterMs} ms unless the passenger retries (${unsettled.message})`,
      );
    } catch (error) {
      this.logger.error(
        `booking ${bookingId} may hold its agreement to check-in ${checkinId} unrecorded until the passenger retries: not noted (${(error as Error).message})`,
      );
    }
    return unsettled.failure;
  }

  /**
   * Settles every agreement noted long enough ago, then every one booking has held as long with no
   * `checkin.completed` to confirm it: one a check-in instance made and never recorded (it stopped
   * before its commit), or gave up on and never noted.
   */
  private async settleDue(): Promise<void> {
    const after = this.config.settleAgreementsAfterMs;
    try {
      const noted: { bookingId: string }[] = await this.dataSource.query(
        `SELECT booking_id AS "bookingId" FROM unsettled_agreements WHERE ${OLD_ENOUGH}
          ORDER BY noted_at LIMIT ${SETTLED_PER_ROUND}`,
        [after],
      );
      for (const { bookingId } of noted) {
        if (this.stopping) return;
        await this.settle(bookingId, async (manager) => {
          const [[agreement]] = await manager.query(
            `DELETE FROM unsettled_agreements WHERE booking_id = $2 AND ${OLD_ENOUGH}
             RETURNING checkin_id AS "checkinId", ${checkinRecorded('$2')}`,
            [after, bookingId],
          );
          return agreement;
        });
      }
      for await (const page of this.bookings.unconfirmedCheckins(after)) {
        // A recorded check-in is never undone: its agreement stays, its event is on the way.
        const recordedHere = await this.recordedAmong(page.map(({ bookingId }) => bookingId));
        for (const { bookingId, checkinId } of page.filter(({ bookingId }) => !recordedHere.has(bookingId))) {
          if (this.stopping) return;
          await this.settle(bookingId, async (manager) => {
            const [{ recorded }] = await manager.query(`SELECT ${checkinRecorded('$1')}`, [bookingId]);
            return { checkinId, recorded };
          });
        }
      }
    } catch (error) {
      this.logger.warn(`unsettled agreements not settled this round: ${(error as Error).message}`);
    }
  }

  /** Those of `bookingIds` a check-in of which is recorded here. */
  private async recordedAmong(bookingIds: string[]): Promise<Set<string>> {
    const rows: { bookingId: string }[] = await this.dataSource.query(
      'SELECT booking_id AS "bookingId" FROM checkins WHERE booking_id = ANY($1::uuid[])',
      [bookingIds],
    );
    return new Set(rows.map(({ bookingId }) => bookingId));
  }

  /**
   * Under the booking's lock, so that no check-in of it commits meanwhile: the agreement `find`
   * gives stays if a check-in of the booking is recorded, and is taken back otherwise.
   */
  private async settle(
    bookingId: string,
    find: (manager: EntityManager) => Promise<{ checkinId: string; recorded: boolean } | undefined>,
  ): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await lockBooking(manager, bookingId);
        const agreement = await find(manager);
        if (!agreement || agreement.recorded) return;
        await this.bookings.withdrawCheckIn(bookingId, agreement.checkinId).catch((error) => {
          if (!(error instanceof NotFoundException)) throw error;
        });
        this.logger.log(`took back booking ${bookingId}'s agreement to check-in ${agreement.checkinId}`);
      });
    } catch (error) {
      this.logger.warn(`booking ${bookingId}'s agreement stays unsettled: ${(error as Error).message}`);
    }
  }
}
