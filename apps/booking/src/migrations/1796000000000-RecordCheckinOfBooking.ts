import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which check-in a booking moved to CHECKED_IN for: the key that makes check-in's retries safe. */
export class RecordCheckinOfBooking1796000000000 implements MigrationInterface {
  name = 'RecordCheckinOfBooking1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookings" ADD "checkin_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "CHK_bookings_checkin" CHECK ("checkin_id" IS NULL OR "status" = 'CHECKED_IN')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookings" DROP CONSTRAINT "CHK_bookings_checkin"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP COLUMN "checkin_id"`);
  }
}
