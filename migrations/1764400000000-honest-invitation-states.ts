import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations someone has to pass on are "to deliver" until someone records that they reached the
 * young person, so the funnel counts only those who were told. News of a change that Heard cannot
 * pass on itself waits on the officers' "tell by hand" list (to_tell) until someone has.
 *
 * Existing invitations that went out by a call, a message, in person or through a trusted adult,
 * and were never recorded as handed over or answered, are not known to have reached anyone: they
 * become "to deliver".
 */
export class HonestInvitationStates1764400000000 implements MigrationInterface {
  name = 'HonestInvitationStates1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invitations DROP CONSTRAINT invitations_status_check;
      ALTER TABLE invitations ADD CONSTRAINT invitations_status_check CHECK (status IN
        ('draft','to_deliver','sent','handed_over','accepted','declined','waitlisted','attended','did_not_attend','withdrawn'));
      ALTER TABLE invitations
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN to_tell varchar(16) CHECK (to_tell IN ('moved','cancelled','place_free')),
        ADD COLUMN to_tell_since timestamptz;
      UPDATE invitations SET status = 'to_deliver'
       WHERE status = 'sent' AND (channel NOT IN ('email','letter') OR (channel = 'letter' AND via_trusted_adult_id IS NOT NULL));
      CREATE INDEX invitations_by_hand_idx ON invitations (event_date) WHERE status = 'to_deliver' OR to_tell IS NOT NULL;
      -- Activity days and one-to-ones join group sessions on staff calendars, which need a SEQUENCE
      -- that rises on every move or cancellation.
      ALTER TABLE activity_days ADD COLUMN sequence integer NOT NULL DEFAULT 0;
      ALTER TABLE one_to_ones ADD COLUMN sequence integer NOT NULL DEFAULT 0;
      CREATE INDEX activity_days_starts_idx ON activity_days (starts_at);
      CREATE INDEX one_to_ones_scheduled_idx ON one_to_ones (scheduled_at) WHERE scheduled_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX one_to_ones_scheduled_idx;
      DROP INDEX activity_days_starts_idx;
      ALTER TABLE one_to_ones DROP COLUMN sequence;
      ALTER TABLE activity_days DROP COLUMN sequence;
      DROP INDEX invitations_by_hand_idx;
      UPDATE invitations SET status = 'sent' WHERE status = 'to_deliver';
      ALTER TABLE invitations DROP COLUMN to_tell_since, DROP COLUMN to_tell, DROP COLUMN delivered_at;
      ALTER TABLE invitations DROP CONSTRAINT invitations_status_check;
      ALTER TABLE invitations ADD CONSTRAINT invitations_status_check CHECK (status IN
        ('draft','sent','handed_over','accepted','declined','waitlisted','attended','did_not_attend','withdrawn'));
    `);
  }
}
