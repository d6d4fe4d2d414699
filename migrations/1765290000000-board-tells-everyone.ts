import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item that names no young person and no group or session (a survey, an imported row) has no
 * one to write to, so it could never be told and never close. Its audience is everyone who reads
 * the public board: publishing an answer there tells them (a loop_tellings row with channel
 * 'board', written when the pair is published in the action's current status). Who an item's
 * audience is has one home, you_said_item_audience; you_said_action_told (the rule the stage reads)
 * counts a board telling for those items only, so publishing never stands in for telling a young
 * person or a group. docs/action-log.md, "Closing the loop".
 */
export class BoardTellsEveryone1765290000000 implements MigrationInterface {
  name = 'BoardTellsEveryone1765290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Who hears an item's answers: the young people it names; else the group (its own, or its
      -- session's) it was said at; else no one in particular, told through the public board.
      CREATE FUNCTION you_said_item_audience(item_id uuid) RETURNS varchar(12)
        LANGUAGE sql STABLE AS $$
          SELECT CASE
            WHEN EXISTS (SELECT 1 FROM you_said_speakers sp WHERE sp.item_id = y.id) THEN 'young_people'
            WHEN y.group_id IS NOT NULL OR y.session_id IS NOT NULL THEN 'group'
            ELSE 'no_one' END
          FROM you_said_items y WHERE y.id = $1
        $$;

      -- As before (migration 1765250000000) for an item with young people or a group: a board
      -- telling does not count there. For an item whose audience is no one: a board telling
      -- about the action in its current status.
      CREATE OR REPLACE FUNCTION you_said_action_told(item_id uuid, action_id uuid, action_status text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
          SELECT CASE WHEN you_said_item_audience($1) = 'no_one' THEN
              EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                       AND lt.action_status = $3 AND lt.channel = 'board')
            ELSE
              EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                       AND lt.action_status = $3 AND lt.channel <> 'board')
              AND NOT EXISTS (SELECT 1 FROM you_said_speakers sp WHERE sp.item_id = $1
                    AND NOT EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                      AND lt.action_status = $3
                      AND (lt.young_person_id = sp.young_person_id OR lt.session_id IS NOT NULL)))
            END
        $$;

      -- The rule changed only for items with a board telling.
      SELECT you_said_stage_refresh(ARRAY(SELECT DISTINCT item_id FROM loop_tellings WHERE channel = 'board'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION you_said_action_told(item_id uuid, action_id uuid, action_status text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
          SELECT EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                          AND lt.action_status = $3)
             AND NOT EXISTS (SELECT 1 FROM you_said_speakers sp WHERE sp.item_id = $1
                   AND NOT EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = $1 AND lt.action_id = $2
                     AND lt.action_status = $3
                     AND (lt.young_person_id = sp.young_person_id OR lt.session_id IS NOT NULL)))
        $$;
      DROP FUNCTION you_said_item_audience(uuid);
      SELECT you_said_stage_refresh(ARRAY(SELECT DISTINCT item_id FROM loop_tellings WHERE channel = 'board'));
    `);
  }
}
