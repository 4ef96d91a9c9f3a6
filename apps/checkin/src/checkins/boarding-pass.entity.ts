import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Checkin } from './checkin.entity';

/**
 * One passenger's seat. The database holds a seat to one passenger per flight and date (the
 * unique index), whatever the code in front of it does.
 */
@Entity('boarding_passes')
@Index('UQ_boarding_passes_seat', ['flightNumber', 'flightDate', 'seat'], { unique: true })
@Index('UQ_boarding_passes_reference', ['boardingReference'], { unique: true })
export class BoardingPass {
  @PrimaryColumn({ name: 'checkin_id', type: 'uuid', primaryKeyConstraintName: 'PK_boarding_passes' })
  checkinId!: string;

  /** The passenger's place in the booking, from 1. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_boarding_passes' })
  position!: number;

  @Column({ name: 'first_name', type: 'varchar', length: 60 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 60 })
  lastName!: string;

  @Column({ name: 'flight_number', type: 'varchar', length: 8 })
  flightNumber!: string;

  @Column({ name: 'flight_date', type: 'date' })
  flightDate!: string;

  @Column({ type: 'varchar', length: 4 })
  seat!: string;

  @Column({ name: 'boarding_reference', type: 'char', length: 8 })
  boardingReference!: string;

  @ManyToOne(() => Checkin, (checkin) => checkin.boardingPasses, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'checkin_id', foreignKeyConstraintName: 'FK_boarding_passes_checkin' })
  checkin!: Relation<Checkin>;
}
