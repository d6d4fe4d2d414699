import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts, sessions, sign-in throttling, the audit log and the mail outbox. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(100) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('administrator','participation_officer','practitioner','senior_leader','young_expert')),
        status varchar(16) NOT NULL CHECK (status IN ('invited','active','deactivated')),
        password_hash text,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        invitation_token_hash char(64),
        invitation_expires_at timestamptz,
        last_signed_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));
      CREATE UNIQUE INDEX users_invitation_token_key ON users (invitation_token_hash) WHERE invitation_token_hash IS NOT NULL;

      CREATE TABLE sessions (
        id char(64) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        csrf_token char(64) NOT NULL,
        auth_methods text[] NOT NULL DEFAULT '{password}',
        second_factor_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_reason varchar(32)
      );
      CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE ended_at IS NULL;

      CREATE TABLE login_throttle (
        key char(64) PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        attempts integer NOT NULL
      );

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES users(id),
        action varchar(32) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id varchar(64),
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(64)
      );
      CREATE INDEX audit_events_at_idx ON audit_events (at DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at DESC);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC);

      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(40) NOT NULL,
        to_address varchar(254) NOT NULL,
        subject varchar(200) NOT NULL,
        text_body text NOT NULL,
        html_body text,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        sent_at timestamptz,
        last_error text,
        uncertain boolean NOT NULL DEFAULT false,
        related_type varchar(40),
        related_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX mail_outbox_sending_idx ON mail_outbox (claimed_at) WHERE status = 'sending';
      CREATE INDEX mail_outbox_related_idx ON mail_outbox (related_type, related_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE mail_outbox; DROP TABLE audit_events; DROP TABLE login_throttle; DROP TABLE sessions; DROP TABLE users;`,
    );
  }
}
