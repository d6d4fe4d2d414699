import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "You said, We did" (issue 12, docs/action-log.md): the You said items grow from "a suggestion in
 * an evaluation" into feedback from anyone, and gain what answers them (actions), the item's
 * append-only timeline, the loop closed with the young people who spoke, the young experts' review
 * and the reminders that chase it all.
 */
export class ActionLog1765200000000 implements MigrationInterface {
  name = 'ActionLog1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Lists administrators keep. Retired entries stay for the items that already name them.
      CREATE TABLE action_log_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(80) NOT NULL CONSTRAINT action_log_services_name_length CHECK (char_length(btrim(name)) >= 1),
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX action_log_services_name_key ON action_log_services (lower(name));
      CREATE TABLE action_log_themes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(80) NOT NULL CONSTRAINT action_log_themes_name_length CHECK (char_length(btrim(name)) >= 1),
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX action_log_themes_name_key ON action_log_themes (lower(name));

      -- One row: the settings an administrator sets for the log.
      CREATE TABLE action_log_settings (
        id boolean PRIMARY KEY DEFAULT true CONSTRAINT action_log_settings_one_row CHECK (id),
        acknowledge_within_working_days integer NOT NULL DEFAULT 2
          CONSTRAINT action_log_settings_acknowledge_range CHECK (acknowledge_within_working_days BETWEEN 1 AND 20),
        -- Bumped by anything that changes the public board, so its cache knows when to forget.
        board_revision bigint NOT NULL DEFAULT 0,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO action_log_settings DEFAULT VALUES;

      -- Who spoke: one home for the young people an item is from (it replaces you_said_items.young_person_id).
      CREATE TABLE you_said_speakers (
        item_id uuid NOT NULL REFERENCES you_said_items(id),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        PRIMARY KEY (item_id, young_person_id)
      );
      CREATE INDEX you_said_speakers_young_person_idx ON you_said_speakers (young_person_id, item_id);
      INSERT INTO you_said_speakers (item_id, young_person_id)
        SELECT id, young_person_id FROM you_said_items WHERE young_person_id IS NOT NULL;

      ALTER TABLE you_said_items DROP CONSTRAINT you_said_items_source_known;
      ALTER TABLE you_said_items DROP COLUMN young_person_id;
      ALTER TABLE you_said_items
        ALTER COLUMN evaluation_id DROP NOT NULL,
        ALTER COLUMN question_key DROP NOT NULL,
        ALTER COLUMN round_id DROP NOT NULL,
        ADD CONSTRAINT you_said_items_source_known CHECK (source_kind IN (
          'young_person', 'parent_carer', 'group_session', 'young_expert', 'evaluation', 'survey', 'practitioner')),
        ADD CONSTRAINT you_said_items_evaluation_whole CHECK ((source_kind = 'evaluation') =
          (evaluation_id IS NOT NULL AND question_key IS NOT NULL AND round_id IS NOT NULL)),
        ADD COLUMN service_id uuid REFERENCES action_log_services(id),
        ADD COLUMN theme_id uuid REFERENCES action_log_themes(id),
        -- The UK date it was said, and how it reached us (in person, at a session, a survey, an email...).
        ADD COLUMN said_on date,
        ADD COLUMN channel varchar(30),
        -- May it be attributed to who said it? Anonymous unless someone says otherwise.
        ADD COLUMN attributable boolean NOT NULL DEFAULT false,
        ADD COLUMN group_id uuid REFERENCES groups(id),
        ADD COLUMN session_id uuid REFERENCES group_sessions(id),
        -- The child-friendly text shown on the public board; its reading level is measured when written.
        ADD COLUMN young_words text CONSTRAINT you_said_items_young_words_length
          CHECK (young_words IS NULL OR char_length(young_words) BETWEEN 1 AND 1000),
        -- Set when the item is made: working days counted from then, with England and Wales bank holidays.
        ADD COLUMN acknowledge_by timestamptz,
        ADD COLUMN acknowledged_by uuid REFERENCES users(id),
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN closed_by uuid REFERENCES users(id),
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT you_said_items_acknowledged_whole CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
        ADD CONSTRAINT you_said_items_closed_whole CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
        ADD CONSTRAINT you_said_items_closed_after_acknowledged CHECK (closed_at IS NULL OR acknowledged_at IS NOT NULL);
      UPDATE you_said_items SET said_on = (created_at AT TIME ZONE 'Europe/London')::date, channel = 'evaluation',
        acknowledge_by = created_at + interval '2 days';
      ALTER TABLE you_said_items ALTER COLUMN said_on SET NOT NULL, ALTER COLUMN acknowledge_by SET NOT NULL;
      CREATE INDEX you_said_items_said_on_idx ON you_said_items (said_on DESC, id);
      CREATE INDEX you_said_items_to_acknowledge_idx ON you_said_items (acknowledge_by) WHERE acknowledged_at IS NULL;
      CREATE INDEX you_said_items_open_idx ON you_said_items (acknowledged_by, said_on) WHERE closed_at IS NULL;
      CREATE INDEX you_said_items_theme_idx ON you_said_items (theme_id, said_on);
      CREATE INDEX you_said_items_service_idx ON you_said_items (service_id, said_on);
      CREATE INDEX you_said_items_session_idx ON you_said_items (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX you_said_items_group_idx ON you_said_items (group_id, said_on) WHERE group_id IS NOT NULL;

      -- Quotes kept with an item: publishable only while the young person's quote consent is in force.
      CREATE TABLE you_said_quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES you_said_items(id),
        words text NOT NULL CONSTRAINT you_said_quotes_words_length CHECK (char_length(words) BETWEEN 1 AND 1000),
        young_person_id uuid REFERENCES young_people(id),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX you_said_quotes_item_idx ON you_said_quotes (item_id);

      -- What answers the items: We did (done), We will (planned, in progress) or We can't (cant).
      -- The statuses and the moves between them are ACTION_STATUS_MOVES in libs/domain.
      CREATE TABLE actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(12) NOT NULL CONSTRAINT actions_status_known
          CHECK (status IN ('planned', 'in_progress', 'done', 'cant')),
        words text NOT NULL CONSTRAINT actions_words_length CHECK (char_length(words) BETWEEN 1 AND 2000),
        young_words text CONSTRAINT actions_young_words_length
          CHECK (young_words IS NULL OR char_length(young_words) BETWEEN 1 AND 1000),
        -- A We can't says why, in words a young person understands.
        cant_reason text CONSTRAINT actions_cant_reason_length
          CHECK (cant_reason IS NULL OR char_length(cant_reason) BETWEEN 1 AND 1000),
        owner_id uuid REFERENCES users(id),
        due_on date,
        done_on date,
        progress integer NOT NULL CONSTRAINT actions_progress_range CHECK (progress BETWEEN 0 AND 100),
        evidence text CONSTRAINT actions_evidence_length CHECK (evidence IS NULL OR char_length(evidence) <= 4000),
        lundy text[] NOT NULL DEFAULT '{}'
          CONSTRAINT actions_lundy_known CHECK (lundy <@ ARRAY['space', 'voice', 'audience', 'influence']::text[]),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT actions_we_will_whole CHECK (status NOT IN ('planned', 'in_progress')
          OR (owner_id IS NOT NULL AND due_on IS NOT NULL)),
        CONSTRAINT actions_cant_has_reason CHECK (status <> 'cant' OR cant_reason IS NOT NULL),
        CONSTRAINT actions_done_has_date CHECK ((status = 'done') = (done_on IS NOT NULL))
      );
      CREATE INDEX actions_owner_due_idx ON actions (owner_id, due_on) WHERE status IN ('planned', 'in_progress');
      CREATE INDEX actions_done_idx ON actions (done_on) WHERE status = 'done';

      -- An action answers one or more items; an item may need several actions. A pair is what the
      -- public board shows, once an officer publishes it.
      CREATE TABLE action_answers (
        action_id uuid NOT NULL REFERENCES actions(id),
        item_id uuid NOT NULL REFERENCES you_said_items(id),
        linked_by uuid NOT NULL REFERENCES users(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users(id),
        published_at timestamptz,
        PRIMARY KEY (action_id, item_id),
        CONSTRAINT action_answers_published_whole CHECK ((published_at IS NULL) = (published_by IS NULL))
      );
      CREATE INDEX action_answers_item_idx ON action_answers (item_id, action_id);
      CREATE INDEX action_answers_published_idx ON action_answers (published_at DESC) WHERE published_at IS NOT NULL;

      CREATE TABLE action_progress_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL REFERENCES actions(id),
        noted_on date NOT NULL,
        words text NOT NULL CONSTRAINT action_progress_notes_words_length CHECK (char_length(words) BETWEEN 1 AND 2000),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX action_progress_notes_action_idx ON action_progress_notes (action_id, noted_on);

      -- Every change to an item or an action that answers it: who, when, what. Nothing is updated
      -- or deleted here (the trigger refuses it); a correction is a new entry.
      CREATE TABLE you_said_timeline (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES you_said_items(id),
        action_id uuid REFERENCES actions(id),
        event varchar(40) NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- NULL when Heard itself did it (a job).
        by_user uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX you_said_timeline_item_idx ON you_said_timeline (item_id, id);
      CREATE FUNCTION you_said_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the You said timeline is append-only' USING ERRCODE = 'restrict_violation';
        END;
      $$;
      CREATE TRIGGER you_said_timeline_append_only BEFORE UPDATE OR DELETE ON you_said_timeline
        FOR EACH ROW EXECUTE FUNCTION you_said_timeline_append_only();

      -- Closing the loop: each time the young people who spoke were told what became of it, about
      -- which action in which status, how and to whom.
      CREATE TABLE loop_tellings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES you_said_items(id),
        action_id uuid NOT NULL REFERENCES actions(id),
        action_status varchar(12) NOT NULL,
        message text NOT NULL CONSTRAINT loop_tellings_message_length CHECK (char_length(message) BETWEEN 1 AND 2000),
        channel varchar(20) NOT NULL CONSTRAINT loop_tellings_channel_known
          CHECK (channel IN ('email', 'trusted_adult', 'session', 'in_person', 'board')),
        young_person_id uuid REFERENCES young_people(id),
        -- For 'trusted_adult': the adult whose list it went to. For 'session': the session it is read out at.
        trusted_adult_id uuid REFERENCES users(id),
        session_id uuid REFERENCES group_sessions(id),
        mail_id uuid REFERENCES mail_outbox(id),
        told_by uuid NOT NULL REFERENCES users(id),
        told_at timestamptz NOT NULL DEFAULT now(),
        -- 'board': an anonymous item (a survey, no one to write to) is told by publishing its answer.
        CONSTRAINT loop_tellings_someone CHECK (young_person_id IS NOT NULL OR session_id IS NOT NULL OR channel = 'board')
      );
      CREATE INDEX loop_tellings_item_idx ON loop_tellings (item_id, action_id, action_status);
      CREATE INDEX loop_tellings_session_idx ON loop_tellings (session_id) WHERE session_id IS NOT NULL;
      CREATE INDEX loop_tellings_trusted_adult_idx ON loop_tellings (trusted_adult_id, told_at)
        WHERE trusted_adult_id IS NOT NULL;

      -- The Young Experts' Evaluation: "How well did we do?", a young expert's rating with their words.
      CREATE TABLE response_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES you_said_items(id),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        rating smallint NOT NULL CONSTRAINT response_ratings_range CHECK (rating BETWEEN 1 AND 5),
        comment text CONSTRAINT response_ratings_comment_length CHECK (comment IS NULL OR char_length(comment) <= 1000),
        rated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT response_ratings_once UNIQUE (item_id, young_person_id)
      );

      -- Each reminder the daily job sends, at most once a day per kind, subject and person, however
      -- many API processes run it.
      CREATE TABLE action_log_reminders (
        kind varchar(30) NOT NULL,
        subject_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        on_date date NOT NULL,
        mail_id uuid REFERENCES mail_outbox(id),
        PRIMARY KEY (kind, subject_id, user_id, on_date)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE action_log_reminders; DROP TABLE response_ratings; DROP TABLE loop_tellings;
      DROP TABLE you_said_timeline; DROP FUNCTION you_said_timeline_append_only();
      DROP TABLE action_progress_notes; DROP TABLE action_answers; DROP TABLE actions; DROP TABLE you_said_quotes;
      ALTER TABLE you_said_items ADD COLUMN young_person_id uuid REFERENCES young_people(id);
      UPDATE you_said_items y SET young_person_id = s.young_person_id FROM you_said_speakers s WHERE s.item_id = y.id;
      DROP TABLE you_said_speakers;
      DELETE FROM you_said_items WHERE source_kind <> 'evaluation';
      ALTER TABLE you_said_items DROP CONSTRAINT you_said_items_source_known,
        DROP CONSTRAINT you_said_items_evaluation_whole,
        DROP COLUMN service_id, DROP COLUMN theme_id, DROP COLUMN said_on, DROP COLUMN channel,
        DROP COLUMN attributable, DROP COLUMN group_id, DROP COLUMN session_id, DROP COLUMN young_words,
        DROP COLUMN acknowledge_by, DROP COLUMN acknowledged_by, DROP COLUMN acknowledged_at,
        DROP COLUMN closed_by, DROP COLUMN closed_at, DROP COLUMN updated_at,
        ALTER COLUMN evaluation_id SET NOT NULL, ALTER COLUMN question_key SET NOT NULL,
        ALTER COLUMN round_id SET NOT NULL,
        ADD CONSTRAINT you_said_items_source_known CHECK (source_kind IN ('evaluation'));
      DROP TABLE action_log_settings;
      DROP TABLE action_log_themes; DROP TABLE action_log_services;
    `);
  }
}
