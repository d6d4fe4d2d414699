import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item's stage becomes a column kept by the database (issue 12's benchmark: filtering 100,000
 * items by stage worked it out for every row, 0.8 s a page). The rule itself moves into two SQL
 * functions, its one home: you_said_action_told and you_said_item_stage. Row triggers on every
 * table the rule reads call the latter for the items a change touches, in the same statement, so
 * the column is right inside the transaction that changed it and whoever writes (a service, a job,
 * an import, a test's fixture) cannot forget it. The API's actionToldSql and itemStageSql name
 * these (docs/action-log.md, "Stages").
 */
export class ItemStageKept1765250000000 implements MigrationInterface {
  name = 'ItemStageKept1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The young people who spoke have been told this action's current answer: at least one
      -- telling about it in its current status, and every young person the item is from told in
      -- person (email, their trusted adult, face to face) unless it was read out to their group at a
      -- session. A new status (a We will becoming a We did) needs a new telling.
      CREATE FUNCTION you_said_action_told(item_id uuid, action_id uuid, action_status text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
          SELECT EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                          AND lt.action_status = $3)
             AND NOT EXISTS (SELECT 1 FROM you_said_speakers sp WHERE sp.item_id = $1
                   AND NOT EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                     AND lt.action_status = $3
                     AND (lt.young_person_id = sp.young_person_id OR lt.session_id IS NOT NULL)))
        $$;

      -- Where an item is (ITEM_STAGES in libs/domain):
      -- closed: an officer closed it (only once every action is final and told);
      -- to_acknowledge: no officer has taken it on yet; to_answer: taken on, no action answers it;
      -- to_tell: some action's current answer has not reached the young people who spoke;
      -- in_hand: everyone has been told, and a We will is still being done;
      -- to_close: every action is final (We did or We can't) and told.
      CREATE FUNCTION you_said_item_stage(item_id uuid) RETURNS varchar(20)
        LANGUAGE sql STABLE AS $$
          SELECT CASE
            WHEN y.closed_at IS NOT NULL THEN 'closed'
            WHEN y.acknowledged_at IS NULL THEN 'to_acknowledge'
            WHEN NOT EXISTS (SELECT 1 FROM action_answers aa WHERE aa.item_id = y.id) THEN 'to_answer'
            WHEN EXISTS (SELECT 1 FROM action_answers aa JOIN actions a ON a.id = aa.action_id
                          WHERE aa.item_id = y.id AND NOT you_said_action_told(y.id, a.id, a.status)) THEN 'to_tell'
            WHEN EXISTS (SELECT 1 FROM action_answers aa JOIN actions a ON a.id = aa.action_id
                          WHERE aa.item_id = y.id AND a.status IN ('planned', 'in_progress')) THEN 'in_hand'
            ELSE 'to_close' END
          FROM you_said_items y WHERE y.id = $1
        $$;

      ALTER TABLE you_said_items ADD COLUMN stage varchar(20) NOT NULL DEFAULT 'to_acknowledge'
        CONSTRAINT you_said_items_stage_known
          CHECK (stage IN ('to_acknowledge', 'to_answer', 'to_tell', 'in_hand', 'to_close', 'closed'));
      UPDATE you_said_items SET stage = you_said_item_stage(id);
      CREATE INDEX you_said_items_stage_idx ON you_said_items (stage, said_on DESC, id);

      CREATE FUNCTION you_said_stage_refresh(item_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE you_said_items y SET stage = you_said_item_stage(y.id)
         WHERE y.id = ANY($1) AND y.stage IS DISTINCT FROM you_said_item_stage(y.id)
      $$;

      -- Each trigger passes the items its row touches. Statement order does not matter: a refresh
      -- reads the state as it is after the row changed.
      CREATE FUNCTION you_said_stage_on_item() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM you_said_stage_refresh(ARRAY[NEW.id]); RETURN NULL; END $$;
      CREATE TRIGGER you_said_items_stage AFTER INSERT OR UPDATE OF acknowledged_at, closed_at ON you_said_items
        FOR EACH ROW EXECUTE FUNCTION you_said_stage_on_item();

      CREATE FUNCTION you_said_stage_on_item_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM you_said_stage_refresh(ARRAY[OLD.item_id]); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM you_said_stage_refresh(ARRAY[NEW.item_id]); END IF;
          RETURN NULL;
        END $$;
      CREATE TRIGGER action_answers_stage AFTER INSERT OR DELETE OR UPDATE OF item_id, action_id ON action_answers
        FOR EACH ROW EXECUTE FUNCTION you_said_stage_on_item_row();
      CREATE TRIGGER loop_tellings_stage AFTER INSERT OR DELETE OR UPDATE ON loop_tellings
        FOR EACH ROW EXECUTE FUNCTION you_said_stage_on_item_row();
      CREATE TRIGGER you_said_speakers_stage AFTER INSERT OR DELETE OR UPDATE ON you_said_speakers
        FOR EACH ROW EXECUTE FUNCTION you_said_stage_on_item_row();

      CREATE FUNCTION you_said_stage_on_action() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM you_said_stage_refresh(ARRAY(SELECT item_id FROM action_answers WHERE action_id = NEW.id));
          RETURN NULL;
        END $$;
      CREATE TRIGGER actions_stage AFTER UPDATE OF status ON actions
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION you_said_stage_on_action();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER actions_stage ON actions; DROP FUNCTION you_said_stage_on_action();
      DROP TRIGGER you_said_speakers_stage ON you_said_speakers; DROP TRIGGER loop_tellings_stage ON loop_tellings;
      DROP TRIGGER action_answers_stage ON action_answers; DROP FUNCTION you_said_stage_on_item_row();
      DROP TRIGGER you_said_items_stage ON you_said_items; DROP FUNCTION you_said_stage_on_item();
      DROP FUNCTION you_said_stage_refresh(uuid[]);
      ALTER TABLE you_said_items DROP COLUMN stage;
      DROP FUNCTION you_said_item_stage(uuid); DROP FUNCTION you_said_action_told(uuid, uuid, text);
    `);
  }
}
