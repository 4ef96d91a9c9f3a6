import { bookingStatuses, type BookingStatus } from '@pss/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Passenger } from './passenger.entity';

@Entity('bookings')
@Index('UQ_bookings_reference', ['reference'], { unique: true })
@Index('UQ_bookings_idempotency_key', ['idempotencyKey'], { unique: true })
@Check('CHK_bookings_status', `"status" IN (${bookingStatuses.map((status) => `'${status}'`).join(', ')})`)
@Check('CHK_bookings_checkin', `"checkin_id" IS NULL OR "status" = 'CHECKED_IN'`)
@Index('IDX_bookings_unconfirmed_checkin', ['checkinUnconfirmedSince'], {
  where: `"checkin_unconfirmed_since" IS NOT NULL`,
})
export class Booking {
  /** A random UUID: a booking cannot be found by guessing its neighbour's id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_bookings' })
  id!: string;

  /** The six characters a passenger reads out at the airport. */
  @Column({ type: 'char', length: 6 })
  reference!: string;

  @Column({ name: 'flight_number', type: 'varchar', length: 8 })
  flightNumber!: string;

  @Column({ type: 'char', length: 3 })
  origin!: string;

  @Column({ type: 'char', length: 3 })
  destination!: string;

  @Column({ name: 'flight_date', type: 'date' })
  flightDate!: string;

  @Column({ name: 'fare_amount', type: 'numeric', precision: 10, scale: 2 })
  fareAmount!: string;

  @Column({ name: 'fare_currency', type: 'char', length: 3 })
  fareCurrency!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: BookingStatus;

  /** The check-in booking agreed to (check-in's id); none before, or for a check-in that did not ask. */
  @Column({ name: 'checkin_id', type: 'uuid', nullable: true })
  checkinId!: string | null;

  /** Since when its agreement to that check-in has waited for check-in's `checkin.completed`. */
  @Column({ name: 'checkin_unconfirmed_since', type: 'timestamptz', nullable: true })
  checkinUnconfirmedSince!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The client's Idempotency-Key, and a hash of the request it came with. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 255, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash!: string | null;

  @OneToMany(() => Passenger, (passenger) => passenger.booking)
  passengers!: Relation<Passenger[]>;
}
