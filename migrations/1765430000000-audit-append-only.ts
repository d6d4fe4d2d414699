import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only in the database, not only by convention in the code: a bug, a
 * script run by hand or an attacker with the application's connection cannot rewrite who did what.
 * The one change allowed is the retention sweep's (RetentionKind.AuditActor): forgetting who acted
 * and which request it was, after the retention period, and nothing else about the row. The
 * comparison is on the whole row less those two columns, so a column added later is covered too.
 */
export class AuditAppendOnly1765430000000 implements MigrationInterface {
  name = 'AuditAppendOnly1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE'
             AND NEW.actor_user_id IS NULL AND NEW.request_id IS NULL
             AND to_jsonb(NEW) - 'actor_user_id' - 'request_id' = to_jsonb(OLD) - 'actor_user_id' - 'request_id' THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'restrict_violation';
        END $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_never_truncated BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER audit_events_never_truncated ON audit_events;
      DROP TRIGGER audit_events_append_only ON audit_events;
      DROP FUNCTION audit_events_append_only();
    `);
  }
}
