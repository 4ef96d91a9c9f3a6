import { Entity, PrimaryColumn } from 'typeorm';

/** A flight and date the schedule has announced (from `flight.scheduled`). */
@Entity('scheduled_flights')
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
}
