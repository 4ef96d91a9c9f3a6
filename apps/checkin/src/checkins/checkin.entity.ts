import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { BoardingPass } from './boarding-pass.entity';

/** A booking checked in: one per booking. */
@Entity('checkins')
@Index('UQ_checkins_booking', ['bookingId'], { unique: true })
export class Checkin {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_checkins' })
  id!: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ name: 'booking_reference', type: 'char', length: 6 })
  bookingReference!: string;

  @Column({ name: 'flight_number', type: 'varchar', length: 8 })
  flightNumber!: string;

  @Column({ name: 'flight_date', type: 'date' })
  flightDate!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => BoardingPass, (pass) => pass.checkin)
  boardingPasses!: Relation<BoardingPass[]>;
}
