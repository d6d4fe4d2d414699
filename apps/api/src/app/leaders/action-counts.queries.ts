import { ActionCounts, IsoDate } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { londonDay } from '../../platform/database/rules-sql';
import { WE_WILL_STATUSES_SQL, weWillOverdueSql } from '../action-log/chase-rules.sql';

/** What actions are grouped by: a column of you_said_items and the list it names, or nothing. */
const DIMENSIONS = {
  theme: { column: 'theme_id', list: 'action_log_themes' },
  service: { column: 'service_id', list: 'action_log_services' },
} as const;

export type ActionCountsBy = keyof typeof DIMENSIONS | 'all';

/** A row of the counts, with the id of its theme or service (null: recorded without one, or every one). */
export interface ActionCountsRow extends ActionCounts {
  id: string | null;
}

/**
 * When a We will counts as still being done: `today`, as the leaders' view shows the programme now;
 * `periodEnd`, as a plan reports a year that has ended, so an action made after it is not counted,
 * and one finished or given up after it was still being done then. The log keeps no history of
 * statuses, so an action moved back from done to a We will reads by its status now.
 */
export type OpenAt = 'today' | 'periodEnd';

/**
 * Which answer an action on `x` gives in the period ($1 to $2): the one home of the three, for the
 * counts below and the list behind a plan's figure, so the two cannot disagree.
 */
function answeredSql(openAt: OpenAt): Record<'open' | 'done' | 'cant', string> {
  return {
    open:
      openAt === 'today'
        ? `x.status IN ${WE_WILL_STATUSES_SQL}`
        : `(${londonDay('x.created_at')} <= $2 AND (x.status IN ${WE_WILL_STATUSES_SQL}
           OR (x.status = 'done' AND x.done_on > $2) OR (x.status = 'cant' AND ${londonDay('x.updated_at')} > $2)))`,
    done: `(x.status = 'done' AND x.done_on BETWEEN $1 AND $2)`,
    cant: `(x.status = 'cant' AND ${londonDay('x.updated_at')} BETWEEN $1 AND $2)`,
  };
}

/**
 * Each action once per theme (or service) of the items it answers, or once in all, as
 * (action_id, dimension). Made distinct on the two ids alone, then joined to the action: distinct
 * on the action's whole row spilled the hash to disk on the plan's year of 72,000 answers (591 ms
 * against 377 by theme, 280 against 79 for all, which needs no item at all).
 */
function answerPairsSql(by: ActionCountsBy): string {
  return by === 'all'
    ? 'SELECT DISTINCT aa.action_id, NULL::uuid AS dimension FROM action_answers aa'
    : `SELECT DISTINCT aa.action_id, y.${DIMENSIONS[by].column} AS dimension
         FROM action_answers aa JOIN you_said_items y ON y.id = aa.item_id`;
}

/**
 * Actions answering You said items, by the items' theme or service (or all of them, each once):
 * done in the period, We can't decided in it, and We will still being done. An action answering
 * items of two themes counts under both. The one home of these counts, for the leaders' view and
 * the plan's section C.
 *
 * Each action's answer is worked out once, in `x`, before it meets the pairs: written into each
 * count, every UK day was reckoned again for every count and every pair (about eight time zone
 * conversions a pair). Actions giving no answer are left out before counting, which drops no
 * group the HAVING of a count of them would have kept. All of them needs no pairs, only that an
 * answer exists.
 */
export async function actionCounts(
  db: DataSource | EntityManager,
  by: ActionCountsBy,
  period: { from: IsoDate; to: IsoDate },
  today: IsoDate,
  openAt: OpenAt = 'today',
): Promise<ActionCountsRow[]> {
  const { open, done, cant } = answeredSql(openAt);
  const counts = `count(*) FILTER (WHERE x.open)::int AS open,
            count(*) FILTER (WHERE x.open AND x.overdue)::int AS overdue,
            count(*) FILTER (WHERE x.done)::int AS done,
            count(*) FILTER (WHERE x.cant)::int AS cant`;
  const answered = `WITH x AS MATERIALIZED (
       SELECT x.id, ${open} AS open, ${weWillOverdueSql('x', '$3')} AS overdue, ${done} AS done, ${cant} AS cant
         FROM actions x
     )`;
  if (by === 'all')
    return db.query(
      `${answered}
       SELECT NULL::uuid AS id, NULL::text AS label, ${counts}
         FROM x
        WHERE (x.open OR x.done OR x.cant)
          AND EXISTS (SELECT 1 FROM action_answers aa WHERE aa.action_id = x.id)
       HAVING count(*) > 0`,
      [period.from, period.to, today],
    );
  const { list } = DIMENSIONS[by];
  return db.query(
    `${answered}
     SELECT d.dimension AS id, l.name AS label, ${counts}
       FROM (${answerPairsSql(by)}) d
       JOIN x ON x.id = d.action_id
       LEFT JOIN ${list} l ON l.id = d.dimension
      WHERE x.open OR x.done OR x.cant
      GROUP BY d.dimension, l.name
      ORDER BY l.name NULLS LAST`,
    [period.from, period.to, today],
  );
}

export interface AnsweredActionRow {
  id: string;
  words: string;
  status: string;
  doneOn: IsoDate | null;
  /** Every action matching, not only those returned. */
  total: number;
}

/**
 * The actions a plan's figure counts (answer, at the period's end as a plan reads it), of one
 * theme (null: items of no theme) or all, oldest first and at most `limit`: the rows behind
 * actionCounts' numbers, read with its predicates. The period's first day is typed in the WHERE
 * since "We will" alone never reads it.
 */
export async function actionsAnswered(
  db: DataSource | EntityManager,
  period: { from: IsoDate; to: IsoDate },
  answer: 'open' | 'done' | 'cant',
  theme: { id: string | null } | undefined,
  limit: number,
): Promise<AnsweredActionRow[]> {
  const params: unknown[] = [period.from, period.to, limit];
  let themeSql = '';
  if (theme?.id === null) themeSql = 'AND d.dimension IS NULL';
  else if (theme) {
    params.push(theme.id);
    themeSql = `AND d.dimension = $${params.length}`;
  }
  // The pairs actionCounts counts, each action once (an action of a theme answers it once there).
  return db.query(
    `SELECT x.id, x.words, x.status, x.done_on::text AS "doneOn", count(*) OVER ()::int AS total
       FROM (SELECT DISTINCT action_id FROM (${answerPairsSql(theme ? 'theme' : 'all')}) d
              WHERE true ${themeSql}) p
       JOIN actions x ON x.id = p.action_id
      WHERE $1::date <= $2::date AND ${answeredSql('periodEnd')[answer]}
      ORDER BY x.created_at, x.id
      LIMIT $3`,
    params,
  );
}
