import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search owns the schedule: each flight keeps its aircraft's seats and a schedule version, which
 * `flight.scheduled` / `flight.changed` carry. Every flight so far was scheduled against the book's
 * 100-seat aircraft. The flights search already has are announced once, so that check-in and
 * booking, which follow the schedule from now on, hear of them (booking already has them at
 * version 1, and keeps its own).
 *
 * Rollback: the previous version writes flights without a capacity, which this refuses. Run `node
 * main.js migrate:revert` with this version's image first (down drops capacity and schedule
 * version), then deploy the previous version.
 */
const utc = (timestamp: string) =>
  `to_char(${timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export class OwnTheSchedule1796200000000 implements MigrationInterface {
  name = 'OwnTheSchedule1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "flights"
        ADD "capacity" integer NOT NULL DEFAULT 100,
        ADD "schedule_version" integer NOT NULL DEFAULT 1,
        ADD CONSTRAINT "CHK_flights_capacity" CHECK ("capacity" > 0)`);
    await queryRunner.query(`ALTER TABLE "flights" ALTER "capacity" DROP DEFAULT`);
    await queryRunner.query(`
      INSERT INTO outbox_messages (event_id, event_type, aggregate_id, payload)
      SELECT id, 'flight.scheduled', flight_number || '/' || flight_date::text, jsonb_build_object(
               'id', id, 'type', 'flight.scheduled', 'occurredAt', ${utc('now()')},
               'payload', jsonb_build_object(
                 'flightNumber', flight_number, 'flightDate', flight_date::text, 'origin', origin,
                 'destination', destination, 'departsAt', ${utc('departs_at')},
                 'arrivesAt', ${utc('arrives_at')}, 'capacity', capacity, 'scheduleVersion', 1))
        FROM (SELECT gen_random_uuid() AS id, * FROM flights) AS flight
       ORDER BY flight_date, flight_number`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "flights"
        DROP CONSTRAINT "CHK_flights_capacity",
        DROP COLUMN "schedule_version",
        DROP COLUMN "capacity"`);
  }
}
