import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worry raised by an officer from a young expert's comment on the plan (issue 14, docs/plan.md):
 * the comment's words go to the safeguarding contacts at once, as a worry raised from an
 * evaluation does. The source list grows by one kind.
 */
export class PlanCommentWorries1765460000000 implements MigrationInterface {
  name = 'PlanCommentWorries1765460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE worries DROP CONSTRAINT worries_source_kind_known;
      ALTER TABLE worries ADD CONSTRAINT worries_source_kind_known
        CHECK (source_kind IN ('staff', 'evaluation', 'round_link', 'young_expert', 'plan_comment'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE worries DROP CONSTRAINT worries_source_kind_known;
      ALTER TABLE worries ADD CONSTRAINT worries_source_kind_known
        CHECK (source_kind IN ('staff', 'evaluation', 'round_link', 'young_expert'));
    `);
  }
}
