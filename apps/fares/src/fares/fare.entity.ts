import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The fare of one flight on one date: money as a decimal string with its currency. */
@Entity('fares')
@Check('CHK_fares_amount_not_negative', '"amount" >= 0')
export class Fare {
  @PrimaryColumn({ name: 'flight_number', type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_fares' })
  flightNumber!: string;

  @PrimaryColumn({ name: 'flight_date', type: 'date', primaryKeyConstraintName: 'PK_fares' })
  flightDate!: string;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  amount!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** 0 as seeded; every change by an operator raises it by one. */
  @Column({ type: 'integer', default: 0 })
  version!: number;
}
