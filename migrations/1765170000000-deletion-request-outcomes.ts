import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An officer answers a young expert's request to delete something: what was decided or done, by
 * whom and when, all three together. Deleting stays a separate, deliberate act; this records the
 * answer so the request leaves the officers' list with its outcome on record.
 */
export class DeletionRequestOutcomes1765170000000 implements MigrationInterface {
  name = 'DeletionRequestOutcomes1765170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE deletion_requests
        ADD COLUMN outcome text CONSTRAINT deletion_requests_outcome_length
          CHECK (outcome IS NULL OR char_length(outcome) BETWEEN 1 AND 2000),
        ADD CONSTRAINT deletion_requests_handled_whole
          CHECK ((handled_at IS NULL) = (handled_by IS NULL) AND (handled_at IS NULL) = (outcome IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE deletion_requests DROP CONSTRAINT deletion_requests_handled_whole;
      ALTER TABLE deletion_requests DROP COLUMN outcome;
    `);
  }
}
