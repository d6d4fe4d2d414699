import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation rounds and young people's evaluations of a practice tool version (issue 11 §2–3).
 * The word lists are those of ROUND_AUDIENCES, ROUND_OCCASION_KINDS and AGE_BANDS in
 * libs/domain/src (evaluations/evaluation-rules.ts, young-people/age.ts); a migration never
 * changes, so they are written out here rather than imported, as in the practice tools migration.
 */
const AUDIENCES = `('named', 'group', 'link')`;
const OCCASION_KINDS = `('activity_day', 'group_session', 'one_to_one')`;
const AGE_BANDS = `('10-12', '13-15', '16-17', '18-25')`;

export class Evaluations1765000000000 implements MigrationInterface {
  name = 'Evaluations1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_version_id uuid NOT NULL REFERENCES practice_tool_versions(id),
        title varchar(120) NOT NULL,
        -- The questions as the round asked them: answers point at their keys, so they never change.
        questions jsonb NOT NULL,
        -- Both null: held online. The occasions module checks the reference when the round is set up.
        occasion_kind varchar(20) CONSTRAINT evaluation_rounds_occasion_kind_known
          CHECK (occasion_kind IS NULL OR occasion_kind IN ${OCCASION_KINDS}),
        occasion_id uuid,
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        closed_at timestamptz,
        audience varchar(10) NOT NULL CONSTRAINT evaluation_rounds_audience_known CHECK (audience IN ${AUDIENCES}),
        group_id uuid REFERENCES groups(id),
        -- SHA-256 of the link's token: the token itself is shown once, when the round is made.
        link_token_hash char(64) UNIQUE,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_rounds_occasion_whole CHECK ((occasion_kind IS NULL) = (occasion_id IS NULL)),
        CONSTRAINT evaluation_rounds_dates CHECK (closes_on >= opens_on),
        CONSTRAINT evaluation_rounds_group_audience CHECK ((audience = 'group') = (group_id IS NOT NULL)),
        CONSTRAINT evaluation_rounds_link_audience CHECK ((audience = 'link') = (link_token_hash IS NOT NULL))
      );
      CREATE INDEX evaluation_rounds_version_idx ON evaluation_rounds (tool_version_id, opens_on DESC, id);
      CREATE INDEX evaluation_rounds_occasion_idx ON evaluation_rounds (occasion_kind, occasion_id)
        WHERE occasion_id IS NOT NULL;

      CREATE TABLE evaluation_round_invitees (
        round_id uuid NOT NULL REFERENCES evaluation_rounds(id),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        PRIMARY KEY (round_id, young_person_id)
      );
      CREATE INDEX evaluation_round_invitees_person_idx ON evaluation_round_invitees (young_person_id);

      CREATE TABLE evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES evaluation_rounds(id),
        -- Null: given through the round's link, and no identity is kept.
        young_person_id uuid REFERENCES young_people(id),
        entered_by uuid REFERENCES users(id),
        helped_by varchar(200),
        answered_on date NOT NULL,
        -- On the day they answered, worked out from the date of birth then; age itself is never stored.
        age_band varchar(5) CONSTRAINT evaluations_age_band_known CHECK (age_band IS NULL OR age_band IN ${AGE_BANDS}),
        picture_mode boolean NOT NULL DEFAULT false,
        -- The round's occasion, copied: the evaluation keeps its context whatever becomes of the round.
        occasion_kind varchar(20) CONSTRAINT evaluations_occasion_kind_known
          CHECK (occasion_kind IS NULL OR occasion_kind IN ${OCCASION_KINDS}),
        occasion_id uuid,
        -- Sent by the device with the evaluation, so a resend after a dropped connection is stored once.
        idempotency_key uuid NOT NULL UNIQUE,
        -- SHA-256 of what was sent under that key: the same key with other answers is refused.
        request_fingerprint char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluations_occasion_whole CHECK ((occasion_kind IS NULL) = (occasion_id IS NULL)),
        CONSTRAINT evaluations_link_keeps_no_identity CHECK (young_person_id IS NOT NULL OR entered_by IS NULL)
      );
      CREATE INDEX evaluations_round_idx ON evaluations (round_id, created_at);
      CREATE INDEX evaluations_person_idx ON evaluations (young_person_id) WHERE young_person_id IS NOT NULL;

      CREATE TABLE evaluation_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid NOT NULL REFERENCES evaluations(id),
        question_key varchar(40) NOT NULL,
        -- The order they were given in, so they read back as they were asked.
        position smallint NOT NULL,
        rating smallint CONSTRAINT evaluation_answers_rating_range CHECK (rating BETWEEN 1 AND 5),
        text text CONSTRAINT evaluation_answers_text_length CHECK (char_length(text) <= 2000),
        CONSTRAINT evaluation_answers_one_kind CHECK ((rating IS NULL) <> (text IS NULL)),
        CONSTRAINT evaluation_answers_once UNIQUE (evaluation_id, question_key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE evaluation_answers; DROP TABLE evaluations; DROP TABLE evaluation_round_invitees; DROP TABLE evaluation_rounds;`,
    );
  }
}
