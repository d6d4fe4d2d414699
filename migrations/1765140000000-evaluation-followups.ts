import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What happens to an evaluation after it is in (issue 11 §4, §7): the life of a quote, and the
 * "You said" items made from suggestions, stored so that the action log (issue 12) can adopt them.
 */
export class EvaluationFollowups1765140000000 implements MigrationInterface {
  name = 'EvaluationFollowups1765140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A quote answer with no row here is only kept in its evaluation.
      CREATE TABLE evaluation_quotes (
        answer_id uuid PRIMARY KEY REFERENCES evaluation_answers(id),
        evaluation_id uuid NOT NULL REFERENCES evaluations(id),
        state varchar(10) NOT NULL CONSTRAINT evaluation_quotes_state_known
          CHECK (state IN ('chosen', 'published', 'withdrawn')),
        chosen_by uuid NOT NULL REFERENCES users(id),
        chosen_at timestamptz NOT NULL,
        published_by uuid REFERENCES users(id),
        published_at timestamptz,
        published_where varchar(200),
        -- Named or anonymous, as the young person chose on the day it was published; never changed after.
        published_named boolean,
        withdrawn_at timestamptz,
        CONSTRAINT evaluation_quotes_published_whole CHECK (
          (state = 'published') = (published_at IS NOT NULL AND published_where IS NOT NULL
            AND published_named IS NOT NULL AND published_by IS NOT NULL)),
        CONSTRAINT evaluation_quotes_withdrawn_whole CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL))
      );
      CREATE INDEX evaluation_quotes_evaluation_idx ON evaluation_quotes (evaluation_id);

      -- "You said": a young person's words an officer has taken up. The action log (issue 12) adopts
      -- these rows and adds what was done ("We did"); nothing here says what happens next.
      CREATE TABLE you_said_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        words text NOT NULL CONSTRAINT you_said_items_words_length CHECK (char_length(words) BETWEEN 1 AND 2000),
        source_kind varchar(20) NOT NULL CONSTRAINT you_said_items_source_known CHECK (source_kind IN ('evaluation')),
        evaluation_id uuid NOT NULL REFERENCES evaluations(id),
        question_key varchar(40) NOT NULL,
        -- Copied for the action log's "what it was about", so it needs no join through rounds.
        round_id uuid NOT NULL REFERENCES evaluation_rounds(id),
        young_person_id uuid REFERENCES young_people(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT you_said_items_once UNIQUE (evaluation_id, question_key)
      );
      CREATE INDEX you_said_items_created_idx ON you_said_items (created_at DESC, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE you_said_items; DROP TABLE evaluation_quotes;`);
  }
}
