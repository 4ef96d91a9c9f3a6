import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A booking whose agreement to check-in `checkinId` may stand at booking with no check-in here to
 * show for it: booking's answer never came, or taking it back failed. UnsettledAgreements settles it.
 */
@Entity('unsettled_agreements')
export class UnsettledAgreement {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid', primaryKeyConstraintName: 'PK_unsettled_agreements' })
  bookingId!: string;

  @Column({ name: 'checkin_id', type: 'uuid' })
  checkinId!: string;

  /** When the agreement was last left unsettled: it is settled once it is this old by the setting. */
  @Column({ name: 'noted_at', type: 'timestamptz', default: () => 'now()' })
  notedAt!: Date;
}
