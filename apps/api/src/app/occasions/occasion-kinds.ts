import { OccasionKind } from '@heard/domain';

/**
 * The one place that knows where each kind of occasion lives: its facts as one row shape (so many
 * occasions of mixed kinds load in one UNION ALL), and the invitations column that points at it.
 * Every select yields the same columns in the same order; `$1` is the array of ids of that kind.
 * A review meeting has no table of its own: its facts ride on the invitation to chair it.
 */
export interface OccasionKindDefinition {
  /** The column of `invitations` that references this kind (the invitation's own id for a review). */
  invitationColumn: string;
  /** The facts of the occasions whose ids are in the `$1` array. */
  factsSql: string;
  /** What the staff and young people call one, at the start of a sentence. */
  name: string;
  /**
   * Which of them are on staff calendars: ids starting from `$1` (inclusive) to `$2` (exclusive)
   * instants, narrowed by `mine` (the staff member `$3`'s own) or `group` (group `$3`'s). Null
   * for a kind that is on no staff calendar, or not for that scope.
   */
  calendar: { between: string; mine: string | null; group: string | null } | null;
}

// activity days are planned until cancelled; sessions scheduled until cancelled; one-to-ones
// requested → scheduled → done or cancelled. Each maps to the one occasion status here.
export const OCCASION_KIND_DEFINITIONS: Readonly<Record<OccasionKind, OccasionKindDefinition>> = {
  activity_day: {
    invitationColumn: 'activity_id',
    name: 'This activity day',
    calendar: {
      between: `SELECT id FROM activity_days WHERE starts_at >= $1 AND starts_at < $2`,
      // The officer who set it up runs it.
      mine: `created_by = $3`,
      group: `$3 = ANY(cohort_group_ids)`,
    },
    factsSql: `
      SELECT 'activity_day' AS kind, a.id, a.title, a.date::text AS date, a.start_time, a.end_time,
             a.starts_at, a.ends_at, a.venue, a.accessibility, a.capacity,
             CASE a.status WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END AS status,
             a.reminder_days_before, a.cohort_min_age, a.cohort_max_age,
             a.cohort_service_experiences::text[] AS cohort_service_experiences,
             a.cohort_group_ids::text[] AS cohort_group_ids, a.transport, a.agenda, a.created_by::text AS contact_user_id,
             a.sequence, a.updated_at, NULL::text AS group_id, a.cancel_reason,
             a.sequence > 0 AND a.status <> 'cancelled' AS moved
        FROM activity_days a WHERE a.id = ANY($1::uuid[])`,
  },
  group_session: {
    invitationColumn: 'session_id',
    name: 'This session',
    calendar: {
      between: `SELECT id FROM group_sessions WHERE starts_at >= $1 AND starts_at < $2`,
      mine: `group_id IN (SELECT group_id FROM group_facilitators WHERE user_id = $3)`,
      group: `group_id = $3`,
    },
    factsSql: `
      SELECT 'group_session' AS kind, s.id, g.name AS title, NULL::text AS date, NULL::varchar AS start_time,
             NULL::varchar AS end_time, s.starts_at, s.ends_at, COALESCE(s.venue, g.venue, g.online_link) AS venue,
             NULL::text AS accessibility, NULL::integer AS capacity,
             CASE s.status WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END AS status,
             NULL::integer AS reminder_days_before, g.min_age AS cohort_min_age, g.max_age AS cohort_max_age,
             g.service_experiences::text[] AS cohort_service_experiences, ARRAY[g.id::text] AS cohort_group_ids,
             NULL::text AS transport, s.agenda, NULL::text AS contact_user_id, s.sequence, s.updated_at,
             g.id::text AS group_id, s.cancel_reason, s.moved
        FROM group_sessions s JOIN groups g ON g.id = s.group_id WHERE s.id = ANY($1::uuid[])`,
  },
  one_to_one: {
    invitationColumn: 'one_to_one_id',
    name: 'This one-to-one',
    calendar: {
      between: `SELECT id FROM one_to_ones WHERE scheduled_at >= $1 AND scheduled_at < $2`,
      mine: `staff_user_id = $3`,
      group: null,
    },
    factsSql: `
      SELECT 'one_to_one' AS kind, o.id, 'A one-to-one chat' AS title, NULL::text AS date, NULL::varchar AS start_time,
             NULL::varchar AS end_time, o.scheduled_at AS starts_at, NULL::timestamptz AS ends_at, o.location AS venue,
             NULL::text AS accessibility, NULL::integer AS capacity,
             CASE o.status WHEN 'cancelled' THEN 'cancelled' WHEN 'done' THEN 'done' ELSE 'open' END AS status,
             NULL::integer AS reminder_days_before, NULL::integer AS cohort_min_age, NULL::integer AS cohort_max_age,
             NULL::text[] AS cohort_service_experiences, NULL::text[] AS cohort_group_ids,
             NULL::text AS transport, o.topic AS agenda, o.staff_user_id::text AS contact_user_id, o.sequence,
             o.updated_at, NULL::text AS group_id, NULL::varchar AS cancel_reason, false AS moved
        FROM one_to_ones o WHERE o.id = ANY($1::uuid[])`,
  },
  review_meeting: {
    invitationColumn: 'id',
    name: 'This review meeting',
    // A review is the young person's own meeting, run by their reviewing officer outside Heard.
    calendar: null,
    factsSql: `
      SELECT 'review_meeting' AS kind, i.id, i.review_title AS title, i.event_date::text AS date,
             i.review_start_time AS start_time, NULL::varchar AS end_time, NULL::timestamptz AS starts_at,
             NULL::timestamptz AS ends_at, i.review_venue AS venue, NULL::text AS accessibility, NULL::integer AS capacity,
             'open' AS status, NULL::integer AS reminder_days_before, NULL::integer AS cohort_min_age,
             NULL::integer AS cohort_max_age, NULL::text[] AS cohort_service_experiences, NULL::text[] AS cohort_group_ids,
             NULL::text AS transport, NULL::text AS agenda, i.created_by::text AS contact_user_id, 0 AS sequence,
             i.updated_at, NULL::text AS group_id, NULL::varchar AS cancel_reason, false AS moved
        FROM invitations i WHERE i.id = ANY($1::uuid[]) AND i.target_kind = 'review_meeting'`,
  },
};

/** The `invitations` column that references an occasion of this kind. */
export const invitationColumnOf = (kind: OccasionKind): string =>
  OCCASION_KIND_DEFINITIONS[kind].invitationColumn;

/**
 * The occasion an `invitations` row is for, as SQL expressions on its alias: one CASE built from
 * the table above, so a new kind is added in one place.
 */
export function invitationOccasionIdSql(alias: string): string {
  const cases = Object.entries(OCCASION_KIND_DEFINITIONS)
    .map(([kind, d]) => `WHEN '${kind}' THEN ${alias}.${d.invitationColumn}`)
    .join(' ');
  return `CASE ${alias}.target_kind ${cases} END`;
}
