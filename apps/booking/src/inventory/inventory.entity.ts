import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The seats of one flight on one date: the authoritative count. Seats change only through one
 * conditional UPDATE (never read, then written), and every change raises `version`, which the
 * inventory events carry so that consumers keep the newest.
 */
@Entity('inventories')
@Check('CHK_inventories_seats_sold', '"seats_sold" >= 0 AND "seats_sold" <= "capacity"')
export class Inventory {
  @PrimaryColumn({
    name: 'flight_number',
    type: 'varchar',
    length: 8,
    primaryKeyConstraintName: 'PK_inventories',
  })
  flightNumber!: string;

  @PrimaryColumn({ name: 'flight_date', type: 'date', primaryKeyConstraintName: 'PK_inventories' })
  flightDate!: string;

  @Column({ type: 'char', length: 3 })
  origin!: string;

  @Column({ type: 'char', length: 3 })
  destination!: string;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'seats_sold', type: 'integer', default: 0 })
  seatsSold!: number;

  @Column({ type: 'integer', default: 0 })
  version!: number;

  /** The version of the schedule's newest event applied (`flight.scheduled` is 1). */
  @Column({ name: 'schedule_version', type: 'integer', default: 1 })
  scheduleVersion!: number;
}
