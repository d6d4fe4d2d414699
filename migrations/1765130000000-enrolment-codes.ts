import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Young experts' enrolment codes (issue 11 §9, decision 0019). An officer issues a code in person;
 * only its SHA-256 is kept. A code works once (used_at, claimed by a conditional update), for ten
 * minutes, and a newer code for the same young person retires the older ones (retired_at). Whether
 * the young person then registers a passkey or signs in just this time is their choice at use,
 * recorded on the session (auth_methods) and in the audit trail, not here.
 *
 * A young expert's account has no email: they sign in with a passkey or a fresh code, never a
 * password or an emailed link. Staff keep an email each, unique in any case (users_email_key).
 */
export class EnrolmentCodes1765130000000 implements MigrationInterface {
  name = 'EnrolmentCodes1765130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
      ALTER TABLE users ADD CONSTRAINT users_email_unless_young_expert
        CHECK (email IS NOT NULL OR role = 'young_expert');

      CREATE TABLE enrolment_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code_hash char(64) NOT NULL,
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        issued_by uuid NOT NULL REFERENCES users(id),
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        retired_at timestamptz,
        CONSTRAINT enrolment_codes_code_hash_key UNIQUE (code_hash),
        CONSTRAINT enrolment_codes_expiry_after_issue CHECK (expires_at > issued_at)
      );
      CREATE INDEX enrolment_codes_young_person_idx ON enrolment_codes (young_person_id)
        WHERE used_at IS NULL AND retired_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE enrolment_codes;
      ALTER TABLE users DROP CONSTRAINT users_email_unless_young_expert;
      ALTER TABLE users ALTER COLUMN email SET NOT NULL;
    `);
  }
}
