import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset links and the sign-in slow-down (docs/security.md, "Account recovery").
 * A reset token is stored as its SHA-256, like invitation tokens, so a copy of the table cannot be
 * used to reset anyone's password; one live link per account, cleared when used.
 * sign_in_delays counts wrong passwords per email typed and per client address (both hashed), in
 * place of the lock on users.failed_attempts / locked_until, which this leaves unused.
 */
export class AccountRecovery1764610000000 implements MigrationInterface {
  name = 'AccountRecovery1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN password_reset_token_hash char(64),
        ADD COLUMN password_reset_expires_at timestamptz;
      CREATE UNIQUE INDEX users_password_reset_token_key ON users (password_reset_token_hash)
        WHERE password_reset_token_hash IS NOT NULL;
      UPDATE users SET failed_attempts = 0, locked_until = NULL;

      CREATE TABLE sign_in_delays (
        key char(64) PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sign_in_delays;
      DROP INDEX users_password_reset_token_key;
      ALTER TABLE users DROP COLUMN password_reset_expires_at, DROP COLUMN password_reset_token_hash;
    `);
  }
}
