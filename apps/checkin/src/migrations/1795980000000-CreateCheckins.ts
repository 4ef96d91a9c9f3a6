import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCheckins1795980000000 implements MigrationInterface {
  name = 'CreateCheckins1795980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`
      CREATE TABLE "checkins" (
        "id" uuid NOT NULL,
        "booking_id" uuid NOT NULL,
        "booking_reference" character(6) NOT NULL,
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_checkins" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_checkins_booking" ON "checkins" ("booking_id")`);
    await queryRunner.query(`
      CREATE TABLE "boarding_passes" (
        "checkin_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "first_name" character varying(60) NOT NULL,
        "last_name" character varying(60) NOT NULL,
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "seat" character varying(4) NOT NULL,
        "boarding_reference" character(8) NOT NULL,
        CONSTRAINT "PK_boarding_passes" PRIMARY KEY ("checkin_id", "position"),
        CONSTRAINT "FK_boarding_passes_checkin" FOREIGN KEY ("checkin_id") REFERENCES "checkins"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_boarding_passes_seat" ON "boarding_passes" ("flight_number", "flight_date", "seat")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_boarding_passes_reference" ON "boarding_passes" ("boarding_reference")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_boarding_passes_reference"`);
    await queryRunner.query(`DROP INDEX "UQ_boarding_passes_seat"`);
    await queryRunner.query(`DROP TABLE "boarding_passes"`);
    await queryRunner.query(`DROP INDEX "UQ_checkins_booking"`);
    await queryRunner.query(`DROP TABLE "checkins"`);
    await queryRunner.query(`DROP TABLE "flight_aircraft"`);
    await queryRunner.query(`DROP TABLE "aircraft_types"`);
  }
}
