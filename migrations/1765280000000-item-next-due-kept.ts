import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officer's queue (issue 12's benchmark: 2.7 to 7 s a page over 100,000 items) worked out, for
 * every item, the earliest due date of a We will still being done, to find those running late and
 * to order them. That date becomes a column kept beside the stage, by the same refresh the stage
 * triggers call (migration 1765250000000), plus a trigger for a changed due date; and each of the
 * queue's lists gets an index that returns it in its order.
 */
export class ItemNextDueKept1765280000000 implements MigrationInterface {
  name = 'ItemNextDueKept1765280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The earliest due date of a We will still being done (planned or in progress) answering the item.
      CREATE FUNCTION you_said_item_next_due(item_id uuid) RETURNS date
        LANGUAGE sql STABLE AS $$
          SELECT min(a.due_on) FROM action_answers aa JOIN actions a ON a.id = aa.action_id
           WHERE aa.item_id = $1 AND a.status IN ('planned', 'in_progress')
        $$;

      ALTER TABLE you_said_items ADD COLUMN next_due_on date;
      UPDATE you_said_items SET next_due_on = you_said_item_next_due(id);

      CREATE OR REPLACE FUNCTION you_said_stage_refresh(item_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE you_said_items y SET stage = you_said_item_stage(y.id), next_due_on = you_said_item_next_due(y.id)
         WHERE y.id = ANY($1)
           AND (y.stage IS DISTINCT FROM you_said_item_stage(y.id)
             OR y.next_due_on IS DISTINCT FROM you_said_item_next_due(y.id))
      $$;

      CREATE TRIGGER actions_next_due AFTER UPDATE OF due_on ON actions
        FOR EACH ROW WHEN (OLD.due_on IS DISTINCT FROM NEW.due_on) EXECUTE FUNCTION you_said_stage_on_action();

      -- The queue's lists, each in its own order: to acknowledge by the deadline; running late by
      -- the earliest due date. (Not acknowledged in time has you_said_items_to_acknowledge_idx.)
      CREATE INDEX you_said_items_stage_acknowledge_idx ON you_said_items (acknowledge_by, id)
        WHERE stage = 'to_acknowledge';
      CREATE INDEX you_said_items_next_due_idx ON you_said_items (next_due_on, acknowledge_by, id)
        WHERE stage <> 'closed' AND next_due_on IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX you_said_items_next_due_idx; DROP INDEX you_said_items_stage_acknowledge_idx;
      DROP TRIGGER actions_next_due ON actions;
      CREATE OR REPLACE FUNCTION you_said_stage_refresh(item_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE you_said_items y SET stage = you_said_item_stage(y.id)
         WHERE y.id = ANY($1) AND y.stage IS DISTINCT FROM you_said_item_stage(y.id)
      $$;
      ALTER TABLE you_said_items DROP COLUMN next_due_on;
      DROP FUNCTION you_said_item_next_due(uuid);
    `);
  }
}
