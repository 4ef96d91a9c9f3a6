import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An integration event waiting for (or done with) the relay. Written by OutboxWriter only. */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_unsent', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessage {
  /** Commit order is relay order: the relay publishes unsent rows by ascending id. */
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
}
