import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Young experts' comments on a voice plan's child-friendly text, section by section, while the
 * version is with young people (issue 14 §4, docs/plan.md), and the officer's reply: what was
 * changed because of it.
 *
 * A comment is not part of the published content, so the content triggers of the voice-plans
 * migration do not cover it; its own trigger keeps the same promise where it matters: a comment is
 * only ever added to a version in scrutiny, and once the version is published its comments and
 * replies stay as they were. Erasure may still replace a young person's words on any version
 * (anonymise-young-person.ts), as it does their words everywhere else.
 */
export class PlanComments1765440000000 implements MigrationInterface {
  name = 'PlanComments1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        section_key varchar(20) NOT NULL CONSTRAINT plan_comments_section_known
          CHECK (section_key IN ('individual_work', 'council_activity', 'last_year', 'lundy', 'commitments')),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        words text NOT NULL CONSTRAINT plan_comments_words_length CHECK (char_length(words) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The officer's "what we changed because of this".
        reply text CONSTRAINT plan_comments_reply_length CHECK (reply IS NULL OR char_length(reply) BETWEEN 1 AND 2000),
        replied_by uuid REFERENCES users(id),
        replied_at timestamptz,
        CONSTRAINT plan_comments_reply_whole CHECK (
          (reply IS NULL) = (replied_by IS NULL) AND (reply IS NULL) = (replied_at IS NULL))
      );
      CREATE INDEX plan_comments_version_idx ON plan_comments (version_id, section_key, created_at);
      CREATE INDEX plan_comments_young_person_idx ON plan_comments (young_person_id);

      CREATE FUNCTION plan_comments_guarded() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          v uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
          s varchar(12);
        BEGIN
          SELECT status INTO s FROM plan_versions WHERE id = v;
          IF TG_OP = 'INSERT' AND s IS DISTINCT FROM 'scrutiny' THEN
            RAISE EXCEPTION 'young people comment on a plan only while it is with them'
              USING ERRCODE = 'restrict_violation';
          END IF;
          IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (
               NEW.version_id <> OLD.version_id OR NEW.section_key <> OLD.section_key
               OR NEW.young_person_id <> OLD.young_person_id OR NEW.created_at <> OLD.created_at
               OR (s IN ('published', 'superseded') AND (
                 NEW.reply IS DISTINCT FROM OLD.reply OR NEW.replied_by IS DISTINCT FROM OLD.replied_by
                 OR NEW.replied_at IS DISTINCT FROM OLD.replied_at)))) THEN
            RAISE EXCEPTION 'a comment on a plan stays as it was written and answered'
              USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
      $$;
      CREATE TRIGGER plan_comments_guarded BEFORE INSERT OR UPDATE OR DELETE ON plan_comments
        FOR EACH ROW EXECUTE FUNCTION plan_comments_guarded();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_comments; DROP FUNCTION plan_comments_guarded();`);
  }
}
