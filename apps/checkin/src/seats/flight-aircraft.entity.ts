import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which aircraft type flies a flight number; a flight not listed flies the default type. */
@Entity('flight_aircraft')
export class FlightAircraft {
  @PrimaryColumn({
    name: 'flight_number',
    type: 'varchar',
    length: 8,
    primaryKeyConstraintName: 'PK_flight_aircraft',
  })
  flightNumber!: string;

  @Column({ name: 'aircraft_type', type: 'varchar', length: 8 })
  aircraftType!: string;
}
