import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A flight on a date as the schedule's newest event gave it: the seats its map has. */
@Entity('scheduled_flights')
@Check('CHK_scheduled_flights_capacity', '"capacity" > 0')
export class ScheduledFlight {
  @PrimaryColumn({
    name: 'flight_number',
    type: 'varchar',
    length: 8,
    primaryKeyConstraintName: 'PK_scheduled_flights',
  })
  flightNumber!: string;

  @PrimaryColumn({ name: 'flight_date', type: 'date', primaryKeyConstraintName: 'PK_scheduled_flights' })
  flightDate!: string;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'schedule_version', type: 'integer' })
  scheduleVersion!: number;
}
