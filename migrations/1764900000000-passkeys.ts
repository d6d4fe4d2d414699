import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passkeys (WebAuthn) for staff (decision 0017). One row per credential: its id as the browser
 * gives it (base64url, unique across all users: a credential belongs to one account only), the
 * COSE public key, the signature counter last seen, and the label the person chose.
 *
 * webauthn_challenges holds the challenge of each ceremony in progress, so any API process can
 * check it: single use (deleted when checked), with an expiry. A challenge for registration or
 * the second step is bound to its session; one for signing in with a passkey alone has no session
 * yet and is found by its own value, which is 32 random bytes.
 */
export class Passkeys1764900000000 implements MigrationInterface {
  name = 'Passkeys1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE passkeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        credential_id text NOT NULL,
        public_key bytea NOT NULL,
        counter bigint NOT NULL DEFAULT 0,
        transports text[] NOT NULL DEFAULT '{}',
        label varchar(60) NOT NULL,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz,
        CONSTRAINT passkeys_credential_id_key UNIQUE (credential_id),
        CONSTRAINT passkeys_counter_not_negative CHECK (counter >= 0)
      );
      CREATE INDEX passkeys_user_id_idx ON passkeys (user_id);

      CREATE TABLE webauthn_challenges (
        challenge varchar(100) PRIMARY KEY,
        purpose varchar(30) NOT NULL,
        session_id char(64) REFERENCES sessions(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX webauthn_challenges_expires_at_idx ON webauthn_challenges (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE webauthn_challenges;
      DROP TABLE passkeys;
    `);
  }
}
