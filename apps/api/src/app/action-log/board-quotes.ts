import { EntityManager } from 'typeorm';
import { appendTimeline, boardChanged } from './action-log-base';

/**
 * What a young person withdrawing their quote consent does to the public board: each of their
 * quotes on it is taken off at once, in the withdrawal's own transaction, and the item's timeline
 * says so. The row stays (taken off, and why), so what was shown and when is still known.
 */
export async function takeQuotesOffBoard(
  em: EntityManager,
  youngPersonId: string,
  byUserId: string,
): Promise<number> {
  const taken: { itemId: string; actionId: string; quoteId: string }[] = await em.query(
    // WITH … SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    `WITH taken AS (
       UPDATE board_quotes b SET taken_off_at = now(), taken_off_why = 'consent_withdrawn'
         FROM you_said_quotes q
        WHERE q.id = b.quote_id AND q.young_person_id = $1 AND b.taken_off_at IS NULL
        RETURNING b.item_id, b.action_id, b.quote_id)
     SELECT item_id AS "itemId", action_id AS "actionId", quote_id AS "quoteId" FROM taken`,
    [youngPersonId],
  );
  if (taken.length === 0) return 0;
  await appendTimeline(
    em,
    taken.map((t) => ({
      itemId: t.itemId,
      actionId: t.actionId,
      event: 'unpublished' as const,
      detail: { quoteId: t.quoteId, why: 'consent_withdrawn' },
      byUserId,
    })),
  );
  await boardChanged(em);
  return taken.length;
}
