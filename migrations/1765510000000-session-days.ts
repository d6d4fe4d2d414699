import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The UK day of each group session, indexed as the figures ask for it: "came to a session in the
 * period" (PRESENT_AT_SESSIONS_SQL, reach and the plan's groups) reads the sessions by the day they
 * fell on, `(starts_at AT TIME ZONE 'Europe/London')::date`. Without this the planner guessed
 * that 270 of a year's 23,000 sessions matched (it keeps no statistics of an expression that is not
 * indexed), and looked up each one's register in turn; with it, ANALYZE counts the days and the
 * year's sessions are read from the index instead of converting every session's time.
 */
export class SessionDays1765510000000 implements MigrationInterface {
  name = 'SessionDays1765510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX group_sessions_london_day_idx ON group_sessions (((starts_at AT TIME ZONE 'Europe/London')::date));
      ANALYZE group_sessions;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX group_sessions_london_day_idx`);
  }
}
