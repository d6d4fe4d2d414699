import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys (issue 15 §3–4, docs/decisions/0025-idempotency-keys.md). One row per key a
 * sender used on a create: who sent it (a user id, or "link:" and the hash of a link's token), the
 * method and route, a fingerprint of the path and body, and the answer given, so a retry gets that
 * answer and writes nothing. The row is claimed in the create's own transaction; the answer is
 * filled in when the create returns, so a row without one is a create still in flight.
 *
 * Evaluations kept their own copy of the rule (a fingerprint beside their key); they now go through
 * the one home, so request_fingerprint goes. idempotency_key stays: it is the evaluation's id from the
 * device, and its uniqueness the last guard against a second copy.
 */
export class IdempotencyKeys1765350000000 implements MigrationInterface {
  name = 'IdempotencyKeys1765350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        principal varchar(80) NOT NULL,
        key varchar(128) NOT NULL,
        method varchar(10) NOT NULL,
        route varchar(300) NOT NULL,
        request_fingerprint char(64) NOT NULL,
        status_code smallint,
        -- json, not jsonb: the answer is replayed with its keys in the order first sent.
        response_body json,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal, key)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
      ALTER TABLE evaluations DROP COLUMN request_fingerprint;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE evaluations ADD COLUMN request_fingerprint char(64);
      DROP TABLE idempotency_keys;
    `);
  }
}
