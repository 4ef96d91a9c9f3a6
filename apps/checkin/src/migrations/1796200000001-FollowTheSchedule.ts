import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-in's seat maps follow the schedule's events: each flight and date has the capacity its
 * newest event gave it, and the map is that many seats. The aircraft types check-in kept for
 * itself go (search owns the schedule); the upgrade's flights arrive from search's announcement of
 * every flight it had.
 *
 * Rollback: the previous version reads the aircraft tables this drops. Run `node main.js
 * migrate:revert` with this version's image first (down makes them again, empty), then deploy the
 * previous version, which seeds them at start.
 */
export class FollowTheSchedule1796200000001 implements MigrationInterface {
  name = 'FollowTheSchedule1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scheduled_flights" (
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "capacity" integer NOT NULL,
        "schedule_version" integer NOT NULL,
        CONSTRAINT "CHK_scheduled_flights_capacity" CHECK ("capacity" > 0),
        CONSTRAINT "PK_scheduled_flights" PRIMARY KEY ("flight_number", "flight_date")
      )`);
    await queryRunner.query(`DROP TABLE "flight_aircraft"`);
    await queryRunner.query(`DROP TABLE "aircraft_types"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "aircraft_types" (
        "code" character varying(8) NOT NULL,
        "seat_rows" smallint NOT NULL,
        "seat_letters" character varying(10) NOT NULL,
        CONSTRAINT "PK_aircraft_types" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "flight_aircraft" (
        "flight_number" character varying(8) NOT NULL,
        "aircraft_type" character varying(8) NOT NULL,
        CONSTRAINT "PK_flight_aircraft" PRIMARY KEY ("flight_number")
      )`);
    await queryRunner.query(`DROP TABLE "scheduled_flights"`);
  }
}
