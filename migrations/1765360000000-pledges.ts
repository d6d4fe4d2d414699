import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledges (issue 13 §1 and §2, docs/pledges.md): what senior leaders promised young people, their
 * progress updates and red/amber/green, the young people's verdicts (each young expert's and each
 * group's, kept with every earlier one), links to You said items and actions, an append-only
 * timeline shaped like the action log's, and the reminders before an update is due.
 * The statuses, colours and verdicts are PLEDGE_STATUSES, RAGS and PLEDGE_VERDICTS in libs/domain.
 */
export class Pledges1765360000000 implements MigrationInterface {
  name = 'Pledges1765360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pledges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        made_by uuid NOT NULL REFERENCES users(id),
        role varchar(120) NOT NULL CONSTRAINT pledges_role_length CHECK (char_length(btrim(role)) >= 1),
        forum varchar(200) NOT NULL CONSTRAINT pledges_forum_length CHECK (char_length(btrim(forum)) >= 1),
        -- Where it was made, when Heard knows the occasion: an activity day or a group session.
        occasion_kind varchar(20) CONSTRAINT pledges_occasion_kind_known
          CHECK (occasion_kind IS NULL OR occasion_kind IN ('activity_day', 'group_session')),
        occasion_id uuid,
        made_on date NOT NULL,
        words text NOT NULL CONSTRAINT pledges_words_length CHECK (char_length(words) BETWEEN 1 AND 2000),
        theme_id uuid NOT NULL REFERENCES action_log_themes(id),
        target_date date NOT NULL,
        update_every_days integer NOT NULL CONSTRAINT pledges_update_every_range
          CHECK (update_every_days BETWEEN 7 AND 365),
        -- Kept by the service from nextUpdateDue and pledgeRemindOn in libs/domain.
        next_update_due date NOT NULL,
        remind_on date NOT NULL,
        -- The young people's group it was made to.
        group_id uuid REFERENCES groups(id),
        status varchar(12) NOT NULL CONSTRAINT pledges_status_known
          CHECK (status IN ('unconfirmed', 'active', 'completed', 'withdrawn', 'declined')),
        status_reason text CONSTRAINT pledges_status_reason_length
          CHECK (status_reason IS NULL OR char_length(status_reason) BETWEEN 1 AND 1000),
        rag varchar(5) CONSTRAINT pledges_rag_known CHECK (rag IS NULL OR rag IN ('red', 'amber', 'green')),
        rag_reason text CONSTRAINT pledges_rag_reason_length
          CHECK (rag_reason IS NULL OR char_length(rag_reason) BETWEEN 1 AND 1000),
        recorded_by uuid NOT NULL REFERENCES users(id),
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pledges_occasion_whole CHECK ((occasion_kind IS NULL) = (occasion_id IS NULL)),
        CONSTRAINT pledges_rag_has_reason CHECK ((rag IS NULL) = (rag_reason IS NULL)),
        CONSTRAINT pledges_confirmed_whole CHECK ((status IN ('unconfirmed', 'declined')) = (confirmed_at IS NULL)),
        CONSTRAINT pledges_target_after_made CHECK (target_date >= made_on)
      );
      CREATE INDEX pledges_made_by_idx ON pledges (made_by, made_on DESC);
      CREATE INDEX pledges_made_on_idx ON pledges (made_on DESC, id);
      CREATE INDEX pledges_remind_idx ON pledges (remind_on) WHERE status = 'active';

      CREATE TABLE pledge_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL REFERENCES pledges(id),
        noted_on date NOT NULL,
        words text NOT NULL CONSTRAINT pledge_updates_words_length CHECK (char_length(words) BETWEEN 1 AND 2000),
        evidence text CONSTRAINT pledge_updates_evidence_length CHECK (evidence IS NULL OR char_length(evidence) <= 4000),
        rag varchar(5) CONSTRAINT pledge_updates_rag_known CHECK (rag IS NULL OR rag IN ('red', 'amber', 'green')),
        rag_reason text CONSTRAINT pledge_updates_rag_reason_length
          CHECK (rag_reason IS NULL OR char_length(rag_reason) BETWEEN 1 AND 1000),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pledge_updates_pledge_idx ON pledge_updates (pledge_id, noted_on);

      -- The young people's verdicts. A new verdict from the same young expert, or about the same
      -- group, supersedes the last: the old row stays, with when it was superseded.
      CREATE TABLE pledge_verdicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pledge_id uuid NOT NULL REFERENCES pledges(id),
        source varchar(12) NOT NULL CONSTRAINT pledge_verdicts_source_known
          CHECK (source IN ('young_expert', 'group')),
        young_person_id uuid REFERENCES young_people(id),
        group_id uuid REFERENCES groups(id),
        session_id uuid REFERENCES group_sessions(id),
        verdict varchar(10) NOT NULL CONSTRAINT pledge_verdicts_verdict_known
          CHECK (verdict IN ('kept', 'partly', 'not_kept')),
        words text CONSTRAINT pledge_verdicts_words_length CHECK (words IS NULL OR char_length(words) BETWEEN 1 AND 1000),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        CONSTRAINT pledge_verdicts_young_expert_whole CHECK ((source = 'young_expert') = (young_person_id IS NOT NULL)),
        CONSTRAINT pledge_verdicts_group_whole CHECK ((source = 'group') = (group_id IS NOT NULL AND session_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX pledge_verdicts_young_expert_current ON pledge_verdicts (pledge_id, young_person_id)
        WHERE superseded_at IS NULL AND source = 'young_expert';
      CREATE UNIQUE INDEX pledge_verdicts_group_current ON pledge_verdicts (pledge_id, group_id)
        WHERE superseded_at IS NULL AND source = 'group';
      CREATE INDEX pledge_verdicts_pledge_idx ON pledge_verdicts (pledge_id) WHERE superseded_at IS NULL;

      CREATE TABLE pledge_links (
        pledge_id uuid NOT NULL REFERENCES pledges(id),
        item_id uuid REFERENCES you_said_items(id),
        action_id uuid REFERENCES actions(id),
        linked_by uuid NOT NULL REFERENCES users(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pledge_links_one CHECK ((item_id IS NULL) <> (action_id IS NULL))
      );
      CREATE UNIQUE INDEX pledge_links_item_key ON pledge_links (pledge_id, item_id) WHERE item_id IS NOT NULL;
      CREATE UNIQUE INDEX pledge_links_action_key ON pledge_links (pledge_id, action_id) WHERE action_id IS NOT NULL;

      -- Every change to a pledge: who, when, what, in the shape of the You said timeline. Nothing is
      -- updated or deleted here (the trigger refuses it); a correction is a new entry.
      CREATE TABLE pledge_timeline (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        pledge_id uuid NOT NULL REFERENCES pledges(id),
        event varchar(40) NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- NULL when Heard itself did it (a job).
        by_user uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pledge_timeline_pledge_idx ON pledge_timeline (pledge_id, id);
      CREATE FUNCTION pledge_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the pledge timeline is append-only' USING ERRCODE = 'restrict_violation';
        END;
      $$;
      CREATE TRIGGER pledge_timeline_append_only BEFORE UPDATE OR DELETE ON pledge_timeline
        FOR EACH ROW EXECUTE FUNCTION pledge_timeline_append_only();

      -- One reminder per pledge and due date, however many API processes run the job.
      CREATE TABLE pledge_reminders (
        pledge_id uuid NOT NULL REFERENCES pledges(id),
        due_on date NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        mail_id uuid REFERENCES mail_outbox(id),
        sent_on date NOT NULL,
        PRIMARY KEY (pledge_id, due_on)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE pledge_reminders;
      DROP TABLE pledge_timeline; DROP FUNCTION pledge_timeline_append_only();
      DROP TABLE pledge_links; DROP TABLE pledge_verdicts; DROP TABLE pledge_updates; DROP TABLE pledges;
    `);
  }
}
