import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MAX_EVENT_BYTES } from './add-outbox-parking.migration';

/** An integration event waiting for (or done with) the relay. Written by OutboxWriter only. */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_unsent', ['id'], { where: 'sent_at IS NULL' })
@Check('outbox_messages_payload_size', `octet_length(payload::text) <= ${MAX_EVENT_BYTES}`)
export class OutboxMessage {
  /**
   * The relay publishes unsent rows by ascending id. Ids are taken at insert and rows become visible
   * at commit, so id order is commit order only among writers that serialize on a lock (README).
   */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType!: string;

  @Column({ name: 'aggregate_id', type: 'varchar', length: 200 })
  aggregateId!: string;

  /** The whole event envelope ({ id, type, occurredAt, payload }) as published. */
  @Column({ type: 'jsonb' })
  payload!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Times the relay failed to publish this row alone (a failed batch is retried row by row). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Set once `attempts` reached the limit: the relay skips the row until `outbox:requeue`. */
  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
