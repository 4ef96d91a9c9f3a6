import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox table: its primary key is what makes a redelivered event a no-op. */
export class CreateInboxMessages1795600000001 implements MigrationInterface {
  name = 'CreateInboxMessages1795600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox_messages (
        consumer varchar(100) NOT NULL,
        event_id uuid NOT NULL,
        event_type varchar(100) NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox_messages');
  }
}
