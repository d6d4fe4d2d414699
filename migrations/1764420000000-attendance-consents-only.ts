import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An activity can require only the consents needed to take part safely (taking part, transport,
 * emergency treatment): photos, video, quotes and sharing are choices that never stop anyone coming.
 * Earlier activity days may list those choices as required, so they are dropped, keeping the order of
 * the rest, and a check stops them coming back. The list is written out, not imported from
 * libs/domain, because a migration must mean the same thing whenever it runs.
 */
export class AttendanceConsentsOnly1764420000000 implements MigrationInterface {
  name = 'AttendanceConsentsOnly1764420000000';

  async up(q: QueryRunner): Promise<void> {
    const allowed = `ARRAY['taking_part','transport','emergency_treatment']::text[]`;
    await q.query(`
      UPDATE activity_days
         SET required_consents = ARRAY(
               SELECT u.purpose FROM unnest(required_consents) WITH ORDINALITY AS u(purpose, n)
                WHERE u.purpose = ANY(${allowed}) ORDER BY u.n)
       WHERE NOT (required_consents <@ ${allowed});
      ALTER TABLE activity_days ADD CONSTRAINT activity_days_attendance_consents_only
        CHECK (required_consents <@ ${allowed});
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity_days DROP CONSTRAINT activity_days_attendance_consents_only`);
  }
}
