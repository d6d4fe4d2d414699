import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox kept every message's text for ever, and messages carry addresses, phone numbers and
 * personal answer links. A body is needed only until the message is sent or given up on: after
 * that the worker clears it and the row stays as the record (who, what kind, when, the outcome).
 * Rows already done lose their bodies here; the CHECK keeps a body on every row still to be sent.
 */
export class MailOutboxForgetsBodies1764600000000 implements MigrationInterface {
  name = 'MailOutboxForgetsBodies1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mail_outbox ALTER COLUMN text_body DROP NOT NULL;
      UPDATE mail_outbox SET text_body = NULL, html_body = NULL WHERE status IN ('sent', 'failed');
      ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_body_until_done
        CHECK (status IN ('sent', 'failed') OR text_body IS NOT NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The cleared bodies cannot come back; an empty text keeps the old NOT NULL true.
    await q.query(`
      ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_body_until_done;
      UPDATE mail_outbox SET text_body = '' WHERE text_body IS NULL;
      ALTER TABLE mail_outbox ALTER COLUMN text_body SET NOT NULL;
    `);
  }
}
