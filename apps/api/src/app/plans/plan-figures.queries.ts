import {
  PlanActivityDayRow,
  PlanAssemblyInput,
  PlanGroupRow,
  PlanPeriod,
  PlanPledgeRow,
  PlanToolRow,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { londonDay } from '../../platform/database/rules-sql';
import { FunnelService } from '../activities/funnel.service';
import { actionCounts } from '../leaders/action-counts.queries';
import { RATEABLE_STATUSES_SQL, SUMMARY_SQL, SummaryRow, verdictsCounted } from '../pledges/pledges.queries';
import { PRESENT_AT_SESSIONS_SQL, reachCounts } from '../reach/reach.queries';
import { reviewCountsOf } from '../reviews/review-participation.queries';

/**
 * What section C's figures are assembled from (PlanAssemblyInput, docs/plan.md): plain counts for
 * the period, read where the rows live so a year of attendance is summed in the database. Counts
 * that other pages show come from those pages' own queries (actions from the leaders' view, reach,
 * the activity funnel, pledges' summaries); nothing here withholds a small number, which is
 * assemblePlanFigures' job alone.
 */
export async function planAssemblyInput(
  db: DataSource,
  funnels: FunnelService,
  period: PlanPeriod,
): Promise<PlanAssemblyInput> {
  const [byTheme, [all], loops, pledges, practiceTools, activityDays, groups, reach, reviews] =
    await Promise.all([
      actionCounts(db, 'theme', period, period.to, 'periodEnd'),
      actionCounts(db, 'all', period, period.to, 'periodEnd'),
      loopsOf(db, period),
      pledgesOf(db, period),
      toolsOf(db, period),
      activityDaysOf(db, funnels, period),
      groupsOf(db, period),
      reachCounts(db, period),
      reviewCountsOf(db, period),
    ]);
  return {
    period,
    actions: {
      byTheme: byTheme.map((r) => ({
        themeId: r.id,
        label: r.label,
        done: r.done,
        open: r.open,
        cant: r.cant,
      })),
      total: { done: all?.done ?? 0, open: all?.open ?? 0, cant: all?.cant ?? 0 },
    },
    loops,
    pledges,
    practiceTools,
    activityDays,
    groups,
    reach,
    // Review meetings held in the period by PN code (optional data: none recorded, and the plan says so).
    reviews,
  };
}

/**
 * Items whose loop an officer closed in the period; and items answered by an action made by its
 * end and not closed by then.
 */
export async function loopsOf(db: DataSource, period: PlanPeriod): Promise<PlanAssemblyInput['loops']> {
  const [row]: PlanAssemblyInput['loops'][] = await db.query(
    `SELECT count(*) FILTER (WHERE ${LOOP_SQL.closed})::int AS closed,
            count(*) FILTER (WHERE ${LOOP_SQL.notClosed})::int AS "notClosed"
       FROM you_said_items y`,
    [period.from, period.to],
  );
  return row;
}

/** The two loops on `y` (you_said_items) for the period $1 to $2: for the counts and the lists behind them. */
const LOOP_SQL = {
  closed: `${londonDay('y.closed_at')} BETWEEN $1 AND $2`,
  notClosed: `y.said_on <= $2 AND (y.closed_at IS NULL OR ${londonDay('y.closed_at')} > $2)
              AND EXISTS (SELECT 1 FROM action_answers aa JOIN actions a ON a.id = aa.action_id
                           WHERE aa.item_id = y.id AND ${londonDay('a.created_at')} <= $2)`,
};

/**
 * The You said items behind loopsOf's count (closed or not), oldest first, at most `limit`. The
 * period's first day is typed in the WHERE since "not closed" alone never reads it.
 */
export async function loopItemsOf(
  db: DataSource,
  period: PlanPeriod,
  closed: boolean,
  limit: number,
): Promise<{ id: string; words: string; saidOn: string; total: number }[]> {
  return db.query(
    `SELECT y.id, y.words, y.said_on::text AS "saidOn", count(*) OVER ()::int AS total
       FROM you_said_items y
      WHERE $1::date <= $2::date AND ${closed ? LOOP_SQL.closed : LOOP_SQL.notClosed}
      ORDER BY y.said_on, y.id
      LIMIT $3`,
    [period.from, period.to, limit],
  );
}

/**
 * The leaders' pledges that were running in the period (made by its end, due by its start or
 * later), each with its leader's colour and young people's verdicts as the pledge pages read them.
 */
async function pledgesOf(db: DataSource, period: PlanPeriod): Promise<PlanPledgeRow[]> {
  const rows: SummaryRow[] = await db.query(
    `${SUMMARY_SQL}
      WHERE p.status IN ${RATEABLE_STATUSES_SQL} AND p.made_on <= $2 AND p.target_date >= $1
      ORDER BY p.made_on, p.id`,
    [period.from, period.to],
  );
  return rows.map((r) => ({
    pledgeId: r.id,
    status: r.status,
    leaderRag: r.rag,
    verdicts: verdictsCounted({ kept: r.kept, partly: r.partly, not_kept: r.notKept }),
  }));
}

/**
 * Practice tools evaluated in the period: each young person once, and each evaluation given
 * through a round's link once (it keeps no identity). What changed is the note of the newest
 * version added in the period after its first evaluation there.
 */
export async function toolsOf(db: DataSource, period: PlanPeriod): Promise<PlanToolRow[]> {
  return db.query(
    `SELECT t.id AS "toolId", t.name,
            (count(DISTINCT e.young_person_id) + count(*) FILTER (WHERE e.young_person_id IS NULL))::int
              AS "evaluatedBy",
            (SELECT later.notes FROM practice_tool_versions later
              WHERE later.tool_id = t.id AND ${londonDay('later.added_at')} BETWEEN min(e.answered_on) AND $2
              ORDER BY later.added_at DESC, later.id LIMIT 1) AS "whatChanged"
       FROM evaluations e
       JOIN evaluation_rounds r ON r.id = e.round_id
       JOIN practice_tool_versions v ON v.id = r.tool_version_id
       JOIN practice_tools t ON t.id = v.tool_id
      WHERE e.answered_on BETWEEN $1 AND $2
      GROUP BY t.id, t.name
      ORDER BY t.name, t.id`,
    [period.from, period.to],
  );
}

/** Activity days held in the period (not cancelled), each with its funnel as the activity page shows it. */
export async function activityDaysOf(
  db: DataSource,
  funnels: FunnelService,
  period: PlanPeriod,
): Promise<PlanActivityDayRow[]> {
  const days: Omit<PlanActivityDayRow, 'funnel'>[] = await db.query(
    `SELECT id AS "occasionId", title, date::text AS date FROM activity_days
      WHERE status <> 'cancelled' AND date BETWEEN $1 AND $2 ORDER BY date, id`,
    [period.from, period.to],
  );
  const funnel = await funnels.funnelsForActivities(days.map((d) => d.occasionId));
  return days.map((d) => ({
    ...d,
    funnel: funnel.get(d.occasionId) ?? { invited: 0, accepted: 0, attended: 0 },
  }));
}

/**
 * Each group someone came to a session of in the period, with how many young people came (as reach
 * counts "came"). Each young person once a group by hashing the pairs, not count(DISTINCT), which
 * sorts a year of attendance (220,000 rows) group by group.
 */
async function groupsOf(db: DataSource, period: PlanPeriod): Promise<PlanGroupRow[]> {
  return db.query(
    `SELECT g.id AS "groupId", g.name, count(*)::int AS "youngPeople"
       FROM (SELECT DISTINCT s.group_id, a.young_person_id FROM ${PRESENT_AT_SESSIONS_SQL}) came
       JOIN groups g ON g.id = came.group_id
      GROUP BY g.id, g.name
      ORDER BY g.name, g.id`,
    [period.from, period.to],
  );
}
