import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The largest event envelope the outbox takes, as the relay publishes it (the jsonb text). */
export const MAX_EVENT_BYTES = 256 * 1024;

/**
 * Attempts and parking for outbox rows, a size check on every event written (through OutboxWriter
 * or outboxInsertSql alike), and the index the inbox pruning deletes by.
 */
export class AddOutboxParking1795600000002 implements MigrationInterface {
  name = 'AddOutboxParking1795600000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN attempts int NOT NULL DEFAULT 0,
        ADD COLUMN parked_at timestamptz,
        ADD COLUMN last_error text,
        ADD CONSTRAINT outbox_messages_payload_size CHECK (octet_length(payload::text) <= ${MAX_EVENT_BYTES})`);
    await queryRunner.query('CREATE INDEX inbox_messages_processed_at ON inbox_messages (processed_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX inbox_messages_processed_at');
    await queryRunner.query(`
      ALTER TABLE outbox_messages
        DROP CONSTRAINT outbox_messages_payload_size,
        DROP COLUMN last_error,
        DROP COLUMN parked_at,
        DROP COLUMN attempts`);
  }
}
