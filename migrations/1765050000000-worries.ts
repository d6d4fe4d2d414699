import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Worries (issue 11 §5, docs/worries.md): what a young person said that shows they may be unsafe,
 * kept apart from evaluations and the action log, for the council's safeguarding contacts only.
 * The source kinds are WORRY_SOURCE_KINDS in libs/domain/src/worries/worries.contract.ts, written
 * out because a migration never changes. Source ids (an evaluation, a round) are plain uuids: those
 * tables are being built alongside, and a worry must be kept even if its source goes. Occasion
 * kinds are not listed here: the occasions module adds kinds, and its type guards them.
 * Worries are never deleted: a trigger refuses it, so no future code path can do it by accident.
 */
export class Worries1765050000000 implements MigrationInterface {
  name = 'Worries1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN safeguarding_contact boolean NOT NULL DEFAULT false;

      CREATE TABLE worries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        words text NOT NULL CONSTRAINT worries_words_length CHECK (char_length(words) BETWEEN 1 AND 4000),
        source_kind varchar(20) NOT NULL
          CONSTRAINT worries_source_kind_known CHECK (source_kind IN ('staff', 'evaluation', 'round_link', 'young_expert')),
        source_id uuid,
        occasion_kind varchar(30),
        occasion_id uuid,
        young_person_id uuid REFERENCES young_people(id),
        raised_by uuid REFERENCES users(id),
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by uuid REFERENCES users(id),
        acknowledged_at timestamptz,
        acknowledgement_note varchar(1000),
        CONSTRAINT worries_occasion_whole CHECK ((occasion_kind IS NULL) = (occasion_id IS NULL)),
        CONSTRAINT worries_acknowledged_whole CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
        CONSTRAINT worries_note_when_acknowledged CHECK (acknowledgement_note IS NULL OR acknowledged_at IS NOT NULL)
      );
      -- The contacts' list: unacknowledged first, newest first within each.
      CREATE INDEX worries_queue_idx ON worries ((acknowledged_at IS NOT NULL), raised_at DESC, id);

      CREATE FUNCTION worries_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'Worries are never deleted.';
      END;
      $$;
      CREATE TRIGGER worries_never_deleted BEFORE DELETE ON worries
        FOR EACH STATEMENT EXECUTE FUNCTION worries_never_deleted();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE worries;
      DROP FUNCTION worries_never_deleted();
      ALTER TABLE users DROP COLUMN safeguarding_contact;
    `);
  }
}
