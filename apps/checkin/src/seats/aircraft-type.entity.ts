import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A cabin layout: rows numbered from 1, each with the same seat letters. */
@Entity('aircraft_types')
export class AircraftType {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_aircraft_types' })
  code!: string;

  @Column({ name: 'seat_rows', type: 'smallint' })
  seatRows!: number;

  @Column({ name: 'seat_letters', type: 'varchar', length: 10 })
  seatLetters!: string;
}
