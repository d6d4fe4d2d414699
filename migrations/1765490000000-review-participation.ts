import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a young person took part in each review of their plan (issue 14 §7, seed 002 data set 2b):
 * the PN code the chair records, and whether the young person chaired it. Appended, never edited: a
 * correction is a new record. The codes and the chairing rule are those of
 * libs/domain/src/reviews/review-participation.ts, written out here because a migration is history.
 * Erasure and retention keep the row (the plan's distribution stays true) and remove the note.
 */
export class ReviewParticipation1765490000000 implements MigrationInterface {
  name = 'ReviewParticipation1765490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        held_on date NOT NULL CONSTRAINT review_participation_held_on_from_2000 CHECK (held_on >= DATE '2000-01-01'),
        code text NOT NULL CONSTRAINT review_participation_code_known
          CHECK (code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7', 'PN8')),
        chaired boolean NOT NULL,
        note varchar(500),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- PN4, PN5, PN7 and PN8 say the young person was not at the meeting or took no part in it.
        CONSTRAINT review_participation_chaired_when_present
          CHECK (NOT chaired OR code IN ('PN1', 'PN2', 'PN3', 'PN6'))
      );
      -- A young person's own list, newest first; and the plan's year of meetings.
      CREATE INDEX review_participation_young_person ON review_participation (young_person_id, held_on DESC);
      CREATE INDEX review_participation_held_on ON review_participation (held_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_participation`);
  }
}
