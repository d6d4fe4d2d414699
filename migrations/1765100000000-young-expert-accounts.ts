import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A young expert's account is linked to their young person record (issue 11 §9): their pages show
 * only what Heard holds about that one record. At most one account per record, and only a young
 * expert's account may carry the link, so a member of staff can never be "a young person".
 * Whether their quotes carry their name is the young person's own choice, anonymous unless they
 * change it (issue 11 §4): one column on their record that quote publishing and their pages share.
 */
export class YoungExpertAccounts1765100000000 implements MigrationInterface {
  name = 'YoungExpertAccounts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN young_person_id uuid REFERENCES young_people(id);
      CREATE UNIQUE INDEX users_young_person_key ON users (young_person_id) WHERE young_person_id IS NOT NULL;
      ALTER TABLE users ADD CONSTRAINT users_young_person_only_young_expert
        CHECK (young_person_id IS NULL OR role = 'young_expert');
      ALTER TABLE young_people ADD COLUMN quotes_named boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE young_people DROP COLUMN quotes_named;
      ALTER TABLE users DROP CONSTRAINT users_young_person_only_young_expert;
      DROP INDEX users_young_person_key;
      ALTER TABLE users DROP COLUMN young_person_id;
    `);
  }
}
