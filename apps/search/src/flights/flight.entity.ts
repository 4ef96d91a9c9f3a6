import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A flight on a date as search shows it: its route, times and capacity (search owns the schedule),
 * its fare (a read copy of the fares service's, as of the newest fare event applied), and the seats
 * booking still sells, as of the newest inventory event applied.
 */
@Entity('flights')
@Index('IDX_flights_route_date', ['origin', 'destination', 'flightDate'])
@Check('CHK_flights_seats_not_negative', '"seats_available" >= 0')
@Check('CHK_flights_capacity', '"capacity" > 0')
export class Flight {
  @PrimaryColumn({
    name: 'flight_number',
    type: 'varchar',
    length: 8,
    primaryKeyConstraintName: 'PK_flights',
  })
  flightNumber!: string;

  @PrimaryColumn({ name: 'flight_date', type: 'date', primaryKeyConstraintName: 'PK_flights' })
  flightDate!: string;

  @Column({ type: 'char', length: 3 })
  origin!: string;

  @Column({ type: 'char', length: 3 })
  destination!: string;

  @Column({ name: 'departs_at', type: 'timestamptz' })
  departsAt!: Date;

  @Column({ name: 'arrives_at', type: 'timestamptz' })
  arrivesAt!: Date;

  /** Seats on the aircraft. */
  @Column({ type: 'integer' })
  capacity!: number;

  /** 1 when scheduled, one higher with every change; `flight.*` events carry it. */
  @Column({ name: 'schedule_version', type: 'integer', default: 1 })
  scheduleVersion!: number;

  /** Null until fares has a fare for the flight: a flight without one is not shown. */
  @Column({ name: 'fare_amount', type: 'numeric', precision: 10, scale: 2, nullable: true })
  fareAmount!: string | null;

  @Column({ name: 'fare_currency', type: 'char', length: 3, nullable: true })
  fareCurrency!: string | null;

  /** The version of the newest `fare.changed` applied; 0 before any. */
  @Column({ name: 'fare_version', type: 'integer', default: 0 })
  fareVersion!: number;

  /** Null until booking's first event for the flight (booking does not sell it yet): not shown. */
  @Column({ name: 'seats_available', type: 'integer', nullable: true })
  seatsAvailable!: number | null;

  /** The inventory version of the newest booking event applied; 0 before any. */
  @Column({ name: 'inventory_version', type: 'integer', default: 0 })
  inventoryVersion!: number;
}
