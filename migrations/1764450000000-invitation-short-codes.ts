import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A short code per printed invitation, so a young person without a camera can type their answer
 * link from the letter (docs/decisions/0012). Given out when a letter is first printed, so most
 * rows stay null; the unique index both finds a typed code and stops two invitations sharing one.
 */
export class InvitationShortCodes1764450000000 implements MigrationInterface {
  name = 'InvitationShortCodes1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invitations ADD COLUMN short_code varchar(10)
        CONSTRAINT invitations_short_code_shape CHECK (short_code ~ '^[2-9A-HJKMNP-TV-Z]{10}$');
      CREATE UNIQUE INDEX invitations_short_code_key ON invitations (short_code) WHERE short_code IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX invitations_short_code_key;
      ALTER TABLE invitations DROP COLUMN short_code;
    `);
  }
}
