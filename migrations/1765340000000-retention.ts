import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue 17 §1, docs/retention.md). retention_settings holds the period an administrator
 * has set for a kind of record; a kind with no row keeps its default, so a kind added later needs
 * no data migration. The kinds and their bounds are RETENTION_RULES in libs/domain; only "a
 * positive number of days" is checked here, because a migration must mean the same thing whenever
 * it runs while the bounds may be revised. retention_runs records what each run of the daily job
 * did: counts per kind, never anyone's data.
 */
export class Retention1765340000000 implements MigrationInterface {
  name = 'Retention1765340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE retention_settings (
        kind varchar(40) PRIMARY KEY,
        days integer NOT NULL CONSTRAINT retention_settings_days_positive CHECK (days > 0),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        -- The UK date the run was for, so the schedule runs once a day however many processes look.
        run_on date NOT NULL,
        counts jsonb NOT NULL
      );
      CREATE INDEX retention_runs_started_idx ON retention_runs (started_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_runs; DROP TABLE retention_settings;`);
  }
}
