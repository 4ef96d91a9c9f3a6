import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search holds a flight's seats for sale only as booking said them (`booking.inventory-changed` when
 * booking opens the inventory, then every booking and cancel): null until then, and such a flight
 * is not shown. The seats search assumed for flights booking never spoke of (inventory version 0)
 * are forgotten; the catch-up from booking's snapshot at the next start states them.
 *
 * Rollback: down puts the assumed seats back (capacity less the book's safety buffer of 5).
 */
export class LearnSeatsFromBooking1796300000000 implements MigrationInterface {
  name = 'LearnSeatsFromBooking1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "flights" ALTER "seats_available" DROP NOT NULL`);
    await queryRunner.query(`UPDATE "flights" SET "seats_available" = NULL WHERE "inventory_version" = 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "flights" SET "seats_available" = GREATEST("capacity" - 5, 0) WHERE "seats_available" IS NULL`);
    await queryRunner.query(`ALTER TABLE "flights" ALTER "seats_available" SET NOT NULL`);
  }
}
