import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for staff (docs/security.md, "Second factor"). The TOTP secret waits in
 * totp_pending_secret until a code from it is confirmed; totp_last_step is the last time step a
 * code was accepted for, so a code cannot be used twice. second_factor_required is the setting an
 * administrator turns on for someone. Recovery codes are kept as hashes, each used once.
 */
export class SecondFactor1764800000000 implements MigrationInterface {
  name = 'SecondFactor1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_enrolled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN second_factor_required boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT users_totp_enrolled_has_secret CHECK ((totp_enrolled_at IS NULL) = (totp_secret IS NULL));

      CREATE TABLE recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash char(64) NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX recovery_codes_user_code_key ON recovery_codes (user_id, code_hash);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE recovery_codes;
      ALTER TABLE users
        DROP CONSTRAINT users_totp_enrolled_has_secret,
        DROP COLUMN second_factor_required,
        DROP COLUMN totp_last_step,
        DROP COLUMN totp_enrolled_at,
        DROP COLUMN totp_pending_secret,
        DROP COLUMN totp_secret;
    `);
  }
}
