import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking's inventories follow the schedule's events: each keeps the schedule version it was made
 * or changed from. The inventories seeded before were the book's flights as scheduled (version 1).
 */
export class FollowTheSchedule1796200000002 implements MigrationInterface {
  name = 'FollowTheSchedule1796200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventories" ADD "schedule_version" integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inventories" DROP COLUMN "schedule_version"`);
  }
}
