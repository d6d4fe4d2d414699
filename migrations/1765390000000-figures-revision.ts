import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables the leaders' view, reach and a leader's home cards count from (docs/leaders-view.md,
 * "Kept figures"). Any
 * write to one moves the figures revision on, so figures kept in an API process are worked out
 * again on the next request instead of being read from a year of rows each time.
 */
export const FIGURES_TABLES = [
  'young_people',
  'young_person_service_experiences',
  'groups',
  'group_memberships',
  'group_sessions',
  'attendance',
  'activity_days',
  'invitations',
  'evaluations',
  'you_said_items',
  'you_said_speakers',
  'actions',
  'action_answers',
  'action_log_themes',
  'action_log_services',
  'action_log_settings',
  'response_ratings',
  'loop_tellings',
] as const;

/**
 * A sequence, not a counter row: nextval never waits on another transaction, so busy writers (a
 * register being marked, invitations answered) do not queue behind each other for it. Once a
 * statement, not once a row, so a bulk insert moves it once.
 */
export class FiguresRevision1765390000000 implements MigrationInterface {
  name = 'FiguresRevision1765390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE figures_revision;
      CREATE FUNCTION figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('figures_revision');
        RETURN NULL;
      END $$;
    `);
    for (const table of FIGURES_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION figures_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of FIGURES_TABLES) {
      await q.query(`DROP TRIGGER ${table}_figures_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION figures_changed(); DROP SEQUENCE figures_revision;`);
  }
}
