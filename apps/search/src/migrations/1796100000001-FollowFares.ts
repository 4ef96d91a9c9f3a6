import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search follows fares' `fare.changed` events: each flight keeps the version of the fare it shows.
 * A flight added before fares has a fare for it has none, and is not shown.
 *
 * Rollback: the previous version cannot show a flight without a fare. Run `node main.js
 * migrate:revert` with this version's image first (down removes the flights with no fare, which were
 * never shown), then deploy the previous version.
 */
export class FollowFares1796100000001 implements MigrationInterface {
  name = 'FollowFares1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "flights"
        ADD "fare_version" integer NOT NULL DEFAULT 0,
        ALTER "fare_amount" DROP NOT NULL,
        ALTER "fare_currency" DROP NOT NULL`);
  }

  /** Flights with no fare yet cannot be kept by the older schema: they were never shown, and go. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "flights" WHERE "fare_amount" IS NULL OR "fare_currency" IS NULL`);
    await queryRunner.query(`
      ALTER TABLE "flights"
        DROP COLUMN "fare_version",
        ALTER "fare_amount" SET NOT NULL,
        ALTER "fare_currency" SET NOT NULL`);
  }
}
