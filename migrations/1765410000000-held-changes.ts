import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes made without signal on the server (issue 15, docs/decisions/0029-offline-changes-on-the-server.md):
 * - `held_changes`: a change the rules would not apply by themselves (consent withdrawn, or the
 *   session moved, after the officer made it) waits here for that officer's decision. It goes with
 *   its young person: erasure deletes it, subject access reads it.
 * - `audit_events.device_time`: when the officer did it on the device, beside `at` (when it arrived).
 * - `group_sessions.moved_at`/`moved_from`: when a session was last moved and from when, so a mark
 *   made before the move can be told from one made after.
 * - `invitations.attendance_marked_by`/`attendance_marked_at`: who marked an activity day's register
 *   and when, so a late offline mark can be weighed against it.
 */
export class HeldChanges1765410000000 implements MigrationInterface {
  name = 'HeldChanges1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE held_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        made_by uuid NOT NULL REFERENCES users(id),
        young_person_id uuid NOT NULL REFERENCES young_people(id) ON DELETE CASCADE,
        occasion_kind varchar(20) NOT NULL
          CONSTRAINT held_changes_occasion_kind CHECK (occasion_kind IN ('group_session', 'activity_day', 'evaluation_round')),
        occasion_id uuid NOT NULL,
        change_kind varchar(20) NOT NULL
          CONSTRAINT held_changes_change_kind CHECK (change_kind IN ('session-mark', 'activity-mark', 'evaluation')),
        body jsonb NOT NULL,
        device_time timestamptz NOT NULL,
        outcome varchar(30) NOT NULL
          CONSTRAINT held_changes_outcome CHECK (outcome IN ('held-moved', 'held-consent-withdrawn')),
        -- The rules' words to the officer when it was held (it names the young person: erasure deletes the row).
        detail varchar(1000) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        decision varchar(10) CONSTRAINT held_changes_decision CHECK (decision IN ('applied', 'discarded')),
        reason varchar(300),
        CONSTRAINT held_changes_decided_whole CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (decided_by IS NULL))
      );
      -- The officer's own list of undecided changes.
      CREATE INDEX held_changes_undecided ON held_changes (made_by, created_at) WHERE decision IS NULL;
      CREATE INDEX held_changes_young_person ON held_changes (young_person_id);
      ALTER TABLE audit_events ADD COLUMN device_time timestamptz;
      ALTER TABLE group_sessions ADD COLUMN moved_at timestamptz, ADD COLUMN moved_from timestamptz;
      ALTER TABLE invitations ADD COLUMN attendance_marked_by uuid REFERENCES users(id),
        ADD COLUMN attendance_marked_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invitations DROP COLUMN attendance_marked_at, DROP COLUMN attendance_marked_by;
      ALTER TABLE group_sessions DROP COLUMN moved_from, DROP COLUMN moved_at;
      ALTER TABLE audit_events DROP COLUMN device_time;
      DROP TABLE held_changes;
    `);
  }
}
