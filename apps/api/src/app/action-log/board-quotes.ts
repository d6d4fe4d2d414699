import { IsoDate } from '@heard/domain';
import { EntityManager } from 'typeorm';
import type { ConsentService } from '../consent/consent.service';
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

/** A quote that may be shown: on the board, its answer published, and its young person's consent in force. */
export interface QuoteInForce {
  itemId: string;
  quoteId: string;
  words: string;
  theme: string | null;
}

/**
 * The one home of "which quotes may be shown": those an officer put on the public board, not taken
 * off, beside a published answer, and a young person's only while their quote consent is in force
 * at `at` (a quote no young person gave, a parent's or a group's, needs none). For the public board
 * and the reports; `saidIn` keeps to items said in a period.
 */
export async function boardQuotesInForce(
  em: EntityManager,
  consent: ConsentService,
  at: Date,
  saidIn?: { from: IsoDate; to: IsoDate },
): Promise<QuoteInForce[]> {
  const quotes: (QuoteInForce & { youngPersonId: string | null })[] = await em.query(
    `SELECT DISTINCT ON (b.item_id, q.id) b.item_id AS "itemId", q.id AS "quoteId", q.words, t.name AS theme,
            q.young_person_id AS "youngPersonId"
       FROM board_quotes b
       JOIN action_answers aa ON aa.action_id = b.action_id AND aa.item_id = b.item_id
       JOIN you_said_quotes q ON q.id = b.quote_id
       JOIN you_said_items y ON y.id = b.item_id
       LEFT JOIN action_log_themes t ON t.id = y.theme_id
      WHERE b.taken_off_at IS NULL AND aa.published_at IS NOT NULL
        ${saidIn ? 'AND y.said_on BETWEEN $1 AND $2' : ''}
      ORDER BY b.item_id, q.id`,
    saidIn ? [saidIn.from, saidIn.to] : [],
  );
  const consents = await consent.quoteConsentOf(
    em,
    quotes.flatMap((q) => (q.youngPersonId ? [q.youngPersonId] : [])),
    at,
  );
  return quotes
    .filter((q) => q.youngPersonId === null || consents.get(q.youngPersonId)?.inForce)
    .map(({ itemId, quoteId, words, theme }) => ({ itemId, quoteId, words, theme }));
}
