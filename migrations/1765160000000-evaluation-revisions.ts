import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evaluation counts its corrections, so a round's results can tell cheaply whether anything in
 * them changed since they were last worked out (docs/evaluations.md "Results"): the round's count
 * of evaluations, the sum of their revisions and the newest one's time change whenever one is
 * added or corrected, even by two officers at once, where a "last changed" time could go backwards.
 */
export class EvaluationRevisions1765160000000 implements MigrationInterface {
  name = 'EvaluationRevisions1765160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluations ADD COLUMN revision integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluations DROP COLUMN revision`);
  }
}
