import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBookings1795970000000 implements MigrationInterface {
  name = 'CreateBookings1795970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inventories" (
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "origin" character(3) NOT NULL,
        "destination" character(3) NOT NULL,
        "capacity" integer NOT NULL,
        "seats_sold" integer NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 0,
        CONSTRAINT "CHK_inventories_seats_sold" CHECK ("seats_sold" >= 0 AND "seats_sold" <= "capacity"),
        CONSTRAINT "PK_inventories" PRIMARY KEY ("flight_number", "flight_date")
      )`);
    await queryRunner.query(`
      CREATE TABLE "bookings" (
        "id" uuid NOT NULL,
        "reference" character(6) NOT NULL,
        "flight_number" character varying(8) NOT NULL,
        "origin" character(3) NOT NULL,
        "destination" character(3) NOT NULL,
        "flight_date" date NOT NULL,
        "fare_amount" numeric(10,2) NOT NULL,
        "fare_currency" character(3) NOT NULL,
        "status" character varying(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "idempotency_key" character varying(255),
        "request_hash" character(64),
        CONSTRAINT "CHK_bookings_status" CHECK ("status" IN ('CONFIRMED', 'CHECKED_IN', 'CANCELLED')),
        CONSTRAINT "PK_bookings" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_bookings_reference" ON "bookings" ("reference")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_bookings_idempotency_key" ON "bookings" ("idempotency_key")`,
    );
    await queryRunner.query(`
      CREATE TABLE "passengers" (
        "booking_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "first_name" character varying(60) NOT NULL,
        "last_name" character varying(60) NOT NULL,
        "gender" character varying(12) NOT NULL,
        CONSTRAINT "PK_passengers" PRIMARY KEY ("booking_id", "position"),
        CONSTRAINT "FK_passengers_booking" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "passengers"`);
    await queryRunner.query(`DROP INDEX "UQ_bookings_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "UQ_bookings_reference"`);
    await queryRunner.query(`DROP TABLE "bookings"`);
    await queryRunner.query(`DROP TABLE "inventories"`);
  }
}
