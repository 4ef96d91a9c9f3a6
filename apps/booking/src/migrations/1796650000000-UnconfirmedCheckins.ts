import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Since when a booking has been CHECKED_IN by an agreement that check-in's `checkin.completed` has
 * not yet confirmed: check-in settles those still unconfirmed after a while. No constraint ties it
 * to the status: the previous version, which does not know the column, runs on this schema too.
 * The index leaves the status out: an update of the status alone (a cancel) stays a HOT update.
 */
export class UnconfirmedCheckins1796650000000 implements MigrationInterface {
  name = 'UnconfirmedCheckins1796650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bookings" ADD "checkin_unconfirmed_since" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bookings_unconfirmed_checkin" ON "bookings" ("checkin_unconfirmed_since")
        WHERE "checkin_unconfirmed_since" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_bookings_unconfirmed_checkin"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP COLUMN "checkin_unconfirmed_since"`);
  }
}
