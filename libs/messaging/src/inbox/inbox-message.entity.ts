import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per event a consumer has applied, written in the same transaction as the effect. */
@Entity({ name: 'inbox_messages' })
export class InboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType!: string;

  /** Rows older than the consumer's retention are pruned by this. */
  @Index('inbox_messages_processed_at')
  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
