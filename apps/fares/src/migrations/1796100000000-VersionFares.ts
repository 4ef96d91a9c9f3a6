import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every fare gets a version, which each change raises: consumers keep the newest they receive. */
export class VersionFares1796100000000 implements MigrationInterface {
  name = 'VersionFares1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fares" ADD "version" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fares" DROP COLUMN "version"`);
  }
}
