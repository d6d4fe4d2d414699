import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A parent or carer who also hears of invitations, kept on the young person's record only with the
 * purpose that needs it, and on each invitation whether they get a copy and when they were told.
 * An emailed copy is told when it is queued, as the young person's own email is; a phoned one stays
 * on the officers' list until someone records the call, and comes back on it with the news when the
 * occasion moves or is cancelled.
 */
export class ParentCarerCopy1764510000000 implements MigrationInterface {
  name = 'ParentCarerCopy1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE young_people ADD COLUMN parent_carer jsonb;
      ALTER TABLE invitations
        ADD COLUMN parent_carer_copy varchar(10)
          CONSTRAINT invitations_parent_carer_copy_known CHECK (parent_carer_copy IN ('email', 'phone')),
        ADD COLUMN parent_carer_told_at timestamptz,
        ADD COLUMN parent_carer_news varchar(16)
          CONSTRAINT invitations_parent_carer_news_known CHECK (parent_carer_news IN ('moved', 'cancelled', 'place_free'));
      CREATE INDEX invitations_parent_carer_to_phone ON invitations (created_at)
        WHERE parent_carer_copy = 'phone' AND parent_carer_told_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX invitations_parent_carer_to_phone;
      ALTER TABLE invitations DROP COLUMN parent_carer_news, DROP COLUMN parent_carer_told_at,
        DROP COLUMN parent_carer_copy;
      ALTER TABLE young_people DROP COLUMN parent_carer;
    `);
  }
}
