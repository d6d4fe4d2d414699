import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual voice plan (issue 14 §1 and §4, docs/plan.md, ADR 0030): a plan a year; its versions,
 * each moving draft → scrutiny → approved → published → superseded (PLAN_STATUSES in libs/domain);
 * every move with who, when and why; and each version's content: both texts of each section, the
 * Lundy answers with their evidence, next year's commitments. A published version's content is
 * frozen by triggers here, so no code path, present or future, can change what the public read;
 * a correction is a new version.
 */
export class VoicePlans1765420000000 implements MigrationInterface {
  name = 'VoicePlans1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE voice_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CONSTRAINT voice_plans_year_range CHECK (year BETWEEN 2020 AND 2100),
        period_from date NOT NULL,
        period_to date NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT voice_plans_year_key UNIQUE (year),
        CONSTRAINT voice_plans_period_order CHECK (period_to > period_from)
      );

      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES voice_plans(id),
        status varchar(12) NOT NULL CONSTRAINT plan_versions_status_known
          CHECK (status IN ('draft', 'scrutiny', 'approved', 'published', 'superseded')),
        -- Given when published (nextPlanVersionNumber), never before and never again.
        number integer CONSTRAINT plan_versions_number_positive CHECK (number IS NULL OR number >= 1),
        what_changed text CONSTRAINT plan_versions_what_changed_length
          CHECK (what_changed IS NULL OR char_length(what_changed) BETWEEN 1 AND 500),
        -- The published version this one corrects, whose content it started from.
        corrects uuid REFERENCES plan_versions(id),
        published_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_versions_published_whole CHECK (
          (status IN ('published', 'superseded')) = (number IS NOT NULL AND published_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX plan_versions_number_key ON plan_versions (plan_id, number) WHERE number IS NOT NULL;
      -- One version of a year's plan is worked on at a time (checkNewPlanVersion), so two drafts never race.
      CREATE UNIQUE INDEX plan_versions_one_worked_on ON plan_versions (plan_id)
        WHERE status IN ('draft', 'scrutiny', 'approved');
      CREATE INDEX plan_versions_public_idx ON plan_versions (plan_id, number DESC)
        WHERE status IN ('published', 'superseded');

      -- Every step of every version: who, from, to, why, when. Append-only.
      CREATE TABLE plan_moves (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        -- NULL for the version's start.
        from_status varchar(12),
        to_status varchar(12) NOT NULL,
        reason text CONSTRAINT plan_moves_reason_length CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 1000),
        -- NULL when it followed from another move (superseded when the next version was published).
        by_user uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX plan_moves_version_idx ON plan_moves (version_id, id);

      CREATE TABLE plan_sections (
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        section_key varchar(20) NOT NULL CONSTRAINT plan_sections_key_known
          CHECK (section_key IN ('individual_work', 'council_activity', 'last_year', 'lundy', 'commitments')),
        -- PlanDocument (plan-text.ts): typed blocks, never HTML, validated and bounded by the API.
        professional jsonb NOT NULL,
        child_friendly jsonb NOT NULL,
        PRIMARY KEY (version_id, section_key)
      );

      CREATE TABLE plan_lundy_answers (
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        question_key varchar(40) NOT NULL,
        answer text NOT NULL CONSTRAINT plan_lundy_answers_answer_length CHECK (char_length(answer) <= 4000),
        -- [{ words, reference }], PlanEvidence in libs/domain.
        evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
        PRIMARY KEY (version_id, question_key)
      );

      CREATE TABLE plan_commitments (
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        position integer NOT NULL CONSTRAINT plan_commitments_position_range CHECK (position BETWEEN 0 AND 49),
        words text NOT NULL CONSTRAINT plan_commitments_words_length CHECK (char_length(words) <= 2000),
        child_words text NOT NULL CONSTRAINT plan_commitments_child_words_length CHECK (char_length(child_words) <= 1000),
        owner_id uuid REFERENCES users(id),
        due_on date,
        theme_id uuid REFERENCES action_log_themes(id),
        -- The We will it became when the version was published.
        action_id uuid REFERENCES actions(id),
        PRIMARY KEY (version_id, position)
      );
      -- A correction carries a commitment's We will over, so one action may be named by several versions.
      CREATE INDEX plan_commitments_action_idx ON plan_commitments (action_id) WHERE action_id IS NOT NULL;

      CREATE FUNCTION plan_moves_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the moves of a plan are append-only' USING ERRCODE = 'restrict_violation';
        END;
      $$;
      CREATE TRIGGER plan_moves_append_only BEFORE UPDATE OR DELETE ON plan_moves
        FOR EACH ROW EXECUTE FUNCTION plan_moves_append_only();

      -- A published version's content never changes, whichever code tries: its sections, answers
      -- and commitments are refused every write once the version is published or superseded.
      CREATE FUNCTION plan_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          v uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
        BEGIN
          IF EXISTS (SELECT 1 FROM plan_versions WHERE id = v AND status IN ('published', 'superseded'))
             OR (TG_OP = 'UPDATE' AND EXISTS (
               SELECT 1 FROM plan_versions WHERE id = OLD.version_id AND status IN ('published', 'superseded'))) THEN
            RAISE EXCEPTION 'a published version of a plan never changes: make a correction instead'
              USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
      $$;
      CREATE TRIGGER plan_sections_frozen BEFORE INSERT OR UPDATE OR DELETE ON plan_sections
        FOR EACH ROW EXECUTE FUNCTION plan_content_frozen();
      CREATE TRIGGER plan_lundy_answers_frozen BEFORE INSERT OR UPDATE OR DELETE ON plan_lundy_answers
        FOR EACH ROW EXECUTE FUNCTION plan_content_frozen();
      CREATE TRIGGER plan_commitments_frozen BEFORE INSERT OR UPDATE OR DELETE ON plan_commitments
        FOR EACH ROW EXECUTE FUNCTION plan_content_frozen();

      -- The version row itself: once published, only published → superseded may happen to it.
      CREATE FUNCTION plan_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a version of a plan is never deleted' USING ERRCODE = 'restrict_violation';
          END IF;
          IF OLD.status IN ('published', 'superseded') AND NOT (
               OLD.status = 'published' AND NEW.status = 'superseded'
               AND NEW.number = OLD.number AND NEW.published_at = OLD.published_at
               AND NEW.what_changed IS NOT DISTINCT FROM OLD.what_changed
               AND NEW.corrects IS NOT DISTINCT FROM OLD.corrects AND NEW.plan_id = OLD.plan_id) THEN
            RAISE EXCEPTION 'a published version of a plan never changes: make a correction instead'
              USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN NEW;
        END;
      $$;
      CREATE TRIGGER plan_version_frozen BEFORE UPDATE OR DELETE ON plan_versions
        FOR EACH ROW EXECUTE FUNCTION plan_version_frozen();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE plan_commitments; DROP TABLE plan_lundy_answers; DROP TABLE plan_sections;
      DROP TABLE plan_moves; DROP TABLE plan_versions; DROP TABLE voice_plans;
      DROP FUNCTION plan_content_frozen(); DROP FUNCTION plan_version_frozen(); DROP FUNCTION plan_moves_append_only();
    `);
  }
}
