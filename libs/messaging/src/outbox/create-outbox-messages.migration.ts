import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox table, and a trigger that wakes the relay (NOTIFY is delivered only on commit). */
export class CreateOutboxMessages1795600000000 implements MigrationInterface {
  name = 'CreateOutboxMessages1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_messages (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        event_type varchar(100) NOT NULL,
        aggregate_id varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX outbox_messages_unsent ON outbox_messages (id) WHERE sent_at IS NULL',
    );
    await queryRunner.query(`
      CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_messages', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_messages');
    await queryRunner.query('DROP FUNCTION outbox_messages_notify()');
  }
}
