import { OccasionKind } from '@heard/domain';

/**
 * The one place that knows where each kind of occasion lives: its facts as one row shape (so many
 * occasions of mixed kinds load in one UNION ALL), and the invitations column that points at it.
 * A review meeting has no table of its own: its facts ride on the invitation to chair it.
 */

/** Every facts column with its SQL type; a kind that has no value for one selects its default. */
const FACTS_COLUMNS = {
  kind: 'text',
  id: 'uuid',
  title: 'text',
  date: 'text',
  start_time: 'varchar',
  end_time: 'varchar',
  starts_at: 'timestamptz',
  ends_at: 'timestamptz',
  venue: 'text',
  accessibility: 'text',
  capacity: 'integer',
  status: 'text',
  reminder_days_before: 'integer',
  cohort_min_age: 'integer',
  cohort_max_age: 'integer',
  cohort_service_experiences: 'text[]',
  cohort_group_ids: 'text[]',
  transport: 'text',
  photos: 'varchar',
  agenda: 'text',
  contact_user_id: 'text',
  sequence: 'integer',
  updated_at: 'timestamptz',
  group_id: 'text',
  cancel_reason: 'varchar',
  moved: 'boolean',
} as const;
type FactsColumn = keyof typeof FACTS_COLUMNS;

/** What a kind says when it has nothing of its own: open, never moved; everything else null. */
const FACTS_DEFAULTS: Partial<Record<FactsColumn, string | number | boolean>> = {
  status: 'open',
  sequence: 0,
  moved: false,
};

/** A facts row with every column at its default, for an occasion described before it is saved. */
export function defaultFactsRow(): Record<FactsColumn, unknown> {
  const row = Object.fromEntries(Object.keys(FACTS_COLUMNS).map((c) => [c, null]));
  return { ...row, ...FACTS_DEFAULTS } as Record<FactsColumn, unknown>;
}

const sqlLiteral = (value: string | number | boolean): string =>
  typeof value === 'string' ? `'${value}'` : String(value);

export interface OccasionKindDefinition {
  /** The column of `invitations` that references this kind (the invitation's own id for a review). */
  invitationColumn: string;
  /** What the staff and young people call one, at the start of a sentence. */
  name: string;
  /** The table (with its joins) the facts come from, and its id column. */
  from: string;
  idColumn: string;
  /** The SQL for each facts column this kind has; `kind` and `id` are filled in. */
  columns: Partial<Record<Exclude<FactsColumn, 'kind' | 'id'>, string>>;
  /**
   * Its place on staff calendars: the start instant that falls in the calendar's range, and how to
   * narrow to the staff member `$3`'s own (`mine`) or group `$3`'s (`group`). Null for a kind that is
   * on no staff calendar, or not for that scope.
   */
  calendar: { startsAt: string; mine: string | null; group: string | null } | null;
}

// activity days are planned until cancelled; sessions scheduled until cancelled; one-to-ones
// requested → scheduled → done or cancelled. Each maps to the one occasion status here.
export const OCCASION_KIND_DEFINITIONS: Readonly<Record<OccasionKind, OccasionKindDefinition>> = {
  activity_day: {
    invitationColumn: 'activity_id',
    name: 'This activity day',
    from: 'activity_days a',
    idColumn: 'a.id',
    columns: {
      title: 'a.title',
      date: 'a.date::text',
      start_time: 'a.start_time',
      end_time: 'a.end_time',
      starts_at: 'a.starts_at',
      ends_at: 'a.ends_at',
      venue: 'a.venue',
      accessibility: 'a.accessibility',
      capacity: 'a.capacity',
      status: `CASE a.status WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END`,
      reminder_days_before: 'a.reminder_days_before',
      cohort_min_age: 'a.cohort_min_age',
      cohort_max_age: 'a.cohort_max_age',
      cohort_service_experiences: 'a.cohort_service_experiences::text[]',
      cohort_group_ids: 'a.cohort_group_ids::text[]',
      transport: 'a.transport',
      photos: 'a.photos',
      agenda: 'a.agenda',
      // The officer who set it up runs it.
      contact_user_id: 'a.created_by::text',
      sequence: 'a.sequence',
      updated_at: 'a.updated_at',
      cancel_reason: 'a.cancel_reason',
      moved: `a.sequence > 0 AND a.status <> 'cancelled'`,
    },
    calendar: { startsAt: 'a.starts_at', mine: 'a.created_by = $3', group: '$3 = ANY(a.cohort_group_ids)' },
  },
  group_session: {
    invitationColumn: 'session_id',
    name: 'This session',
    from: 'group_sessions s JOIN groups g ON g.id = s.group_id',
    idColumn: 's.id',
    columns: {
      title: 'g.name',
      starts_at: 's.starts_at',
      ends_at: 's.ends_at',
      venue: 'COALESCE(s.venue, g.venue, g.online_link)',
      status: `CASE s.status WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END`,
      cohort_min_age: 'g.min_age',
      cohort_max_age: 'g.max_age',
      cohort_service_experiences: 'g.service_experiences::text[]',
      cohort_group_ids: 'ARRAY[g.id::text]',
      agenda: 's.agenda',
      sequence: 's.sequence',
      updated_at: 's.updated_at',
      group_id: 'g.id::text',
      cancel_reason: 's.cancel_reason',
      moved: 's.moved',
    },
    calendar: {
      startsAt: 's.starts_at',
      mine: 's.group_id IN (SELECT group_id FROM group_facilitators WHERE user_id = $3)',
      group: 's.group_id = $3',
    },
  },
  one_to_one: {
    invitationColumn: 'one_to_one_id',
    name: 'This one-to-one',
    from: 'one_to_ones o',
    idColumn: 'o.id',
    columns: {
      title: `'A one-to-one chat'`,
      starts_at: 'o.scheduled_at',
      venue: 'o.location',
      status: `CASE o.status WHEN 'cancelled' THEN 'cancelled' WHEN 'done' THEN 'done' ELSE 'open' END`,
      agenda: 'o.topic',
      contact_user_id: 'o.staff_user_id::text',
      sequence: 'o.sequence',
      updated_at: 'o.updated_at',
    },
    calendar: { startsAt: 'o.scheduled_at', mine: 'o.staff_user_id = $3', group: null },
  },
  review_meeting: {
    invitationColumn: 'id',
    name: 'This review meeting',
    from: `invitations i`,
    idColumn: 'i.id',
    columns: {
      title: 'i.review_title',
      date: 'i.event_date::text',
      start_time: 'i.review_start_time',
      venue: 'i.review_venue',
      contact_user_id: 'i.created_by::text',
      updated_at: 'i.updated_at',
    },
    // A review is the young person's own meeting, run by their reviewing officer outside Heard.
    calendar: null,
  },
};

/** One kind's facts, in the shared row shape, for the rows `where` picks. */
export function factsSelect(kind: OccasionKind, where: string): string {
  const d = OCCASION_KIND_DEFINITIONS[kind];
  const given: Partial<Record<FactsColumn, string>> = { ...d.columns, kind: `'${kind}'`, id: d.idColumn };
  const columns = (Object.entries(FACTS_COLUMNS) as [FactsColumn, string][]).map(([column, type]) => {
    const fallback = FACTS_DEFAULTS[column];
    const sql = given[column] ?? (fallback === undefined ? `NULL::${type}` : sqlLiteral(fallback));
    return `${sql} AS ${column}`;
  });
  // A review meeting's facts live on its invitation; the other kinds' invitations are not reviews.
  const own = kind === 'review_meeting' ? ` AND i.target_kind = 'review_meeting'` : '';
  return `SELECT ${columns.join(', ')} FROM ${d.from} WHERE ${where}${own}`;
}

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
