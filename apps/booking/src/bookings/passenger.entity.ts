import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Booking } from './booking.entity';

@Entity('passengers')
export class Passenger {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid', primaryKeyConstraintName: 'PK_passengers' })
  bookingId!: string;

  /** Its place in the booking, from 1. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_passengers' })
  position!: number;

  @Column({ name: 'first_name', type: 'varchar', length: 60 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 60 })
  lastName!: string;

  @Column({ type: 'varchar', length: 12 })
  gender!: string;

  @ManyToOne(() => Booking, (booking) => booking.passengers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'FK_passengers_booking' })
  booking!: Relation<Booking>;
}
