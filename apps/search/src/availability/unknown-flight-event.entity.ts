import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event (booking's or fares') for a flight search does not have: kept for an operator to look at. */
@Entity('unknown_flight_events')
export class UnknownFlightEvent {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'PK_unknown_flight_events' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  @Column({ name: 'flight_number', type: 'varchar', length: 8 })
  flightNumber!: string;

  @Column({ name: 'flight_date', type: 'date' })
  flightDate!: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
