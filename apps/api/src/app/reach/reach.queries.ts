import {
  AGE_BANDS,
  LeadersViewQuery,
  NO_CATEGORY,
  NO_SERVICE_EXPERIENCE,
  OTHER_AGES,
  REACH_DIMENSIONS,
  ReachCountRow,
  ReachCounts,
  ReachDimension,
  ServiceExperienceKind,
  InvitationStatus,
  birthDateRangeForBand,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { invitationIs, londonDay } from '../../platform/database/rules-sql';

/**
 * Sessions of a group a young person was present at, with the day they fell on ($1 to $2 are the
 * period's first and last days): the one home of "came to a group session in the period", for
 * reach and the plan's count by group. Aliases: `a` attendance, `s` group_sessions.
 */
export const PRESENT_AT_SESSIONS_SQL = `attendance a JOIN group_sessions s ON s.id = a.session_id
  WHERE a.status = 'present' AND s.status <> 'cancelled'
    AND ${londonDay('s.starts_at')} BETWEEN $1::date AND $2::date`;

/**
 * Each young person the council worked with in the period ($1 to $2), with their groups and
 * whether they took part. Could take part: their record was made by the period's end and not
 * archived before its start. Each stage is a set of distinct ids joined once, never `id IN
 * (subquery)`: a set too big for work_mem makes that a scan of the whole set per young person
 * (a year of attendance is 220,000 rows for 5,000 people, and with its days estimated right the
 * planner chose it). Age is at the period's end, in the bands of birthDateRangeForBand ($3 on).
 */
function peopleSql(params: unknown[], to: string): string {
  const bands = AGE_BANDS.map((band) => {
    const range = birthDateRangeForBand(band, to);
    params.push(range.bornAfter, range.bornOnOrBefore, band);
    const n = params.length;
    return `WHEN yp.date_of_birth > $${n - 2}::date AND yp.date_of_birth <= $${n - 1}::date THEN $${n}::text`;
  }).join(' ');
  params.push(OTHER_AGES, ServiceExperienceKind.SendEhcp);
  const [other, send] = [params.length - 1, params.length];
  return `
    experiences AS (
      SELECT DISTINCT se.young_person_id AS id, se.kind::text AS kind
        FROM young_person_service_experiences se
       WHERE se.from_date <= $2::date AND (se.to_date IS NULL OR se.to_date >= $1::date)
    ),
    invited AS (
      SELECT DISTINCT i.young_person_id AS id FROM invitations i
       WHERE i.event_date BETWEEN $1::date AND $2::date AND ${invitationIs.invited('i')}
    ),
    came AS (
      SELECT a.young_person_id AS id FROM ${PRESENT_AT_SESSIONS_SQL}
      UNION
      SELECT i.young_person_id FROM invitations i
       WHERE i.event_date BETWEEN $1::date AND $2::date AND ${invitationIs.status(InvitationStatus.Attended, 'i')}
    ),
    evaluated AS (
      SELECT DISTINCT ev.young_person_id AS id FROM evaluations ev
       WHERE ev.young_person_id IS NOT NULL AND ev.answered_on BETWEEN $1::date AND $2::date
    ),
    spoke AS (
      SELECT DISTINCT sp.young_person_id AS id FROM you_said_speakers sp JOIN you_said_items y ON y.id = sp.item_id
       WHERE y.said_on BETWEEN $1::date AND $2::date
    ),
    people AS (
      SELECT yp.id,
             CASE ${bands} ELSE $${other}::text END AS age_band,
             CASE WHEN yp.placed_out_of_area THEN 'yes' ELSE 'no' END AS placed_out_of_area,
             CASE WHEN send.id IS NOT NULL THEN 'yes' ELSE 'no' END AS send,
             invited.id IS NOT NULL AS invited,
             came.id IS NOT NULL AS came,
             evaluated.id IS NOT NULL AS evaluated,
             spoke.id IS NOT NULL AS spoke
        FROM young_people yp
        LEFT JOIN experiences send ON send.id = yp.id AND send.kind = $${send}
        LEFT JOIN invited ON invited.id = yp.id
        LEFT JOIN came ON came.id = yp.id
        LEFT JOIN evaluated ON evaluated.id = yp.id
        LEFT JOIN spoke ON spoke.id = yp.id
       WHERE ${londonDay('yp.created_at')} <= $2::date
         AND (yp.archived_at IS NULL OR ${londonDay('yp.archived_at')} >= $1::date)
    )`;
}

/** The five counts of one set of people, in REACH_STAGES order. */
const COUNTS_SQL = `count(*)::int AS "couldTakePart",
       count(*) FILTER (WHERE p.invited)::int AS invited,
       count(*) FILTER (WHERE p.came)::int AS came,
       count(*) FILTER (WHERE p.evaluated)::int AS evaluated,
       count(*) FILTER (WHERE p.spoke)::int AS spoke`;

interface Row extends ReachCounts {
  dimension: ReachDimension | 'all';
  group: string | null;
}

/**
 * The counts of a period in one statement: everyone, then each group of each dimension. A young
 * person with two service experiences, or two of the team's categories, counts under both; everyone
 * else falls in one group. A category's group is its id: the names come with the list.
 */
export async function reachCounts(
  db: DataSource,
  period: LeadersViewQuery,
): Promise<{ total: ReachCounts; rows: ReachCountRow[] }> {
  const params: unknown[] = [period.from, period.to];
  const people = peopleSql(params, period.to);
  const rows: Row[] = await db.query(
    `WITH ${people}
     SELECT 'all' AS dimension, NULL AS "group", ${COUNTS_SQL} FROM people p
     UNION ALL
     SELECT 'ageBand', p.age_band, ${COUNTS_SQL} FROM people p GROUP BY p.age_band
     UNION ALL
     SELECT 'placedOutOfArea', p.placed_out_of_area, ${COUNTS_SQL} FROM people p GROUP BY p.placed_out_of_area
     UNION ALL
     SELECT 'send', p.send, ${COUNTS_SQL} FROM people p GROUP BY p.send
     UNION ALL
     SELECT 'serviceExperience', COALESCE(e.kind, '${NO_SERVICE_EXPERIENCE}'), ${COUNTS_SQL}
       FROM people p LEFT JOIN experiences e ON e.id = p.id GROUP BY COALESCE(e.kind, '${NO_SERVICE_EXPERIENCE}')
     UNION ALL
     SELECT 'category', COALESCE(l.category_id::text, '${NO_CATEGORY}'), ${COUNTS_SQL}
       FROM people p LEFT JOIN young_person_categories l ON l.young_person_id = p.id
      GROUP BY COALESCE(l.category_id::text, '${NO_CATEGORY}')`,
    params,
  );
  const countsOf = (r: Row): ReachCounts => ({
    couldTakePart: r.couldTakePart,
    invited: r.invited,
    came: r.came,
    evaluated: r.evaluated,
    spoke: r.spoke,
  });
  const total = rows.find((r) => r.dimension === 'all');
  return {
    total: total ? countsOf(total) : { couldTakePart: 0, invited: 0, came: 0, evaluated: 0, spoke: 0 },
    rows: rows
      .filter((r): r is Row & { dimension: ReachDimension } =>
        (REACH_DIMENSIONS as readonly string[]).includes(r.dimension),
      )
      .map((r) => ({ dimension: r.dimension, group: r.group ?? '', counts: countsOf(r) })),
  };
}
