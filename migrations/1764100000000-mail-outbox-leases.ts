import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim on an outbox row now carries a token and a lease. The sweep returns only rows whose lease
 * has run out, and a worker records its result only while its token is still on the row, so a slow
 * send can no longer be swept from under a live worker and recorded twice (docs/decisions/0008).
 * Rows already being sent get a lease that runs out 120 s after their claim, as the old sweep did.
 */
export class MailOutboxLeases1764100000000 implements MigrationInterface {
  name = 'MailOutboxLeases1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mail_outbox ADD COLUMN claim_token uuid, ADD COLUMN lease_until timestamptz;
      UPDATE mail_outbox
         SET claim_token = gen_random_uuid(), lease_until = coalesce(claimed_at, now()) + interval '120 seconds'
       WHERE status = 'sending';
      DROP INDEX mail_outbox_sending_idx;
      CREATE INDEX mail_outbox_lease_idx ON mail_outbox (lease_until) WHERE status = 'sending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX mail_outbox_lease_idx;
      CREATE INDEX mail_outbox_sending_idx ON mail_outbox (claimed_at) WHERE status = 'sending';
      ALTER TABLE mail_outbox DROP COLUMN lease_until, DROP COLUMN claim_token;
    `);
  }
}
