import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFlights1795960000000 implements MigrationInterface {
  name = 'CreateFlights1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "flights" (
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "origin" character(3) NOT NULL,
        "destination" character(3) NOT NULL,
        "departs_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "arrives_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "fare_amount" numeric(10,2) NOT NULL,
        "fare_currency" character(3) NOT NULL,
        "seats_available" integer NOT NULL,
        "inventory_version" integer NOT NULL DEFAULT 0,
        CONSTRAINT "CHK_flights_seats_not_negative" CHECK ("seats_available" >= 0),
        CONSTRAINT "PK_flights" PRIMARY KEY ("flight_number", "flight_date")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_flights_route_date" ON "flights" ("origin", "destination", "flight_date")`,
    );
    await queryRunner.query(`
      CREATE TABLE "unknown_flight_events" (
        "event_id" uuid NOT NULL,
        "event_type" character varying(64) NOT NULL,
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_unknown_flight_events" PRIMARY KEY ("event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "unknown_flight_events"`);
    await queryRunner.query(`DROP INDEX "IDX_flights_route_date"`);
    await queryRunner.query(`DROP TABLE "flights"`);
  }
}
