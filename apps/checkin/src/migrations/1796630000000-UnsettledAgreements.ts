import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The agreements booking may hold with no check-in to show for them, until they are settled. */
export class UnsettledAgreements1796630000000 implements MigrationInterface {
  name = 'UnsettledAgreements1796630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "unsettled_agreements" (
        "booking_id" uuid NOT NULL,
        "checkin_id" uuid NOT NULL,
        "noted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_unsettled_agreements" PRIMARY KEY ("booking_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "unsettled_agreements"`);
  }
}
