import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quotes an officer publishes with a pair on the public board (issue 12 §7, docs/action-log.md,
 * "Public board"). A row is never deleted: unpublishing, or the young person withdrawing their
 * quote consent, marks it taken off, so what was on the board and when stays known.
 */
export class BoardQuotes1765230000000 implements MigrationInterface {
  name = 'BoardQuotes1765230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE board_quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL,
        item_id uuid NOT NULL,
        quote_id uuid NOT NULL REFERENCES you_said_quotes(id),
        published_by uuid NOT NULL REFERENCES users(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        taken_off_at timestamptz,
        -- 'unpublished' (an officer) or 'consent_withdrawn' (the young person said no).
        taken_off_why varchar(30) CONSTRAINT board_quotes_taken_off_why_known
          CHECK (taken_off_why IS NULL OR taken_off_why IN ('unpublished', 'consent_withdrawn')),
        FOREIGN KEY (action_id, item_id) REFERENCES action_answers(action_id, item_id),
        CONSTRAINT board_quotes_taken_off_whole CHECK ((taken_off_at IS NULL) = (taken_off_why IS NULL))
      );
      CREATE UNIQUE INDEX board_quotes_on_board_key ON board_quotes (action_id, item_id, quote_id)
        WHERE taken_off_at IS NULL;
      CREATE INDEX board_quotes_quote_idx ON board_quotes (quote_id) WHERE taken_off_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE board_quotes`);
  }
}
