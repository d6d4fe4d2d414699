import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closing the loop through a trusted adult (docs/action-log.md "Closing the loop"): the message is
 * on the adult's list until they say they passed it on, and when they did stays with the telling.
 */
export class LoopPassedOn1765220000000 implements MigrationInterface {
  name = 'LoopPassedOn1765220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loop_tellings
        ADD COLUMN passed_at timestamptz,
        ADD COLUMN passed_by uuid REFERENCES users(id),
        ADD CONSTRAINT loop_tellings_passed_whole CHECK ((passed_at IS NULL) = (passed_by IS NULL)),
        ADD CONSTRAINT loop_tellings_passed_by_adult CHECK (passed_at IS NULL OR channel = 'trusted_adult');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loop_tellings DROP CONSTRAINT loop_tellings_passed_by_adult,
        DROP CONSTRAINT loop_tellings_passed_whole, DROP COLUMN passed_by, DROP COLUMN passed_at;
    `);
  }
}
