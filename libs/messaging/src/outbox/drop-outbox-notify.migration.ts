import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No NOTIFY on an outbox write: the writer's process wakes its relay when the transaction commits
 * (OutboxCommits), and PostgreSQL no longer makes every writing transaction wait for its turn to
 * commit. `down` puts the trigger back.
 */
export class DropOutboxNotify1796500000000 implements MigrationInterface {
  name = 'DropOutboxNotify1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER outbox_messages_notify ON outbox_messages');
    await queryRunner.query('DROP FUNCTION outbox_messages_notify()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
}
