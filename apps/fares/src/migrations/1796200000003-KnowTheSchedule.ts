import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The flights and dates the schedule has announced: an operator may file the first fare of one of
 * them, and of nothing else. Every fare filed so far is of a scheduled flight.
 */
export class KnowTheSchedule1796200000003 implements MigrationInterface {
  name = 'KnowTheSchedule1796200000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scheduled_flights" (
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        CONSTRAINT "PK_scheduled_flights" PRIMARY KEY ("flight_number", "flight_date")
      )`);
    await queryRunner.query(
      `INSERT INTO "scheduled_flights" ("flight_number", "flight_date") SELECT "flight_number", "flight_date" FROM "fares"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scheduled_flights"`);
  }
}
