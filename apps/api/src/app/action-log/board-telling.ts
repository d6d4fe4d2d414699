import { ActionStatus } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { appendTimeline, itemAudienceSql } from './action-log-base';

/**
 * Publishing a pair tells an item whose audience is no one (a survey, an imported row: no young
 * person or group to write to) what became of it: the board is where they hear. Called with the
 * pair locked, inside the publishing transaction. A board telling is written once per answer:
 * when the action's status has changed since (a We will became a We did), the stage is back at
 * "to tell" and publishing the pair again tells them the new answer. For any other item this does
 * nothing: publishing never stands in for telling a young person or a group
 * (you_said_action_told, migration 1765290000000-board-tells-everyone).
 * Returns whether it told them.
 */
export async function tellOnTheBoard(
  em: EntityManager,
  pair: { itemId: string; actionId: string; status: ActionStatus; youngWords: string },
  byUserId: string,
): Promise<boolean> {
  const told: unknown[] = await em.query(
    `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, told_by)
     SELECT y.id, $2::uuid, $3::text, $4::text, 'board', $5::uuid FROM you_said_items y
      WHERE y.id = $1 AND ${itemAudienceSql('y')} = 'no_one'
        AND NOT EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = y.id AND lt.action_id = $2
                         AND lt.action_status = $3::text AND lt.channel = 'board')
     RETURNING id`,
    [pair.itemId, pair.actionId, pair.status, pair.youngWords, byUserId],
  );
  if (told.length === 0) return false;
  await appendTimeline(em, {
    itemId: pair.itemId,
    actionId: pair.actionId,
    event: 'told',
    detail: { status: pair.status, onTheBoard: true },
    byUserId,
  });
  return true;
}
