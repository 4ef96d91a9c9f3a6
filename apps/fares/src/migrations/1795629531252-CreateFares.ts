import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFares1795629531252 implements MigrationInterface {
  name = 'CreateFares1795629531252';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "fares" (
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "amount" numeric(10,2) NOT NULL,
        "currency" character(3) NOT NULL,
        CONSTRAINT "CHK_fares_amount_not_negative" CHECK ("amount" >= 0),
        CONSTRAINT "PK_fares" PRIMARY KEY ("flight_number", "flight_date")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fares"`);
  }
}
