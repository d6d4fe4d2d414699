import {
  ActivityCohort,
  InvitationTargetRequest,
  IsoDate,
  OPEN_COHORT,
  OccasionKind,
  OccasionRef,
  OccasionStatus,
  PhotoPlan,
  occasionKey,
  timeInLondon,
  todayInLondon,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import {
  OCCASION_KIND_DEFINITIONS,
  OccasionKindDefinition,
  defaultFactsRow,
  factsSelect,
} from './occasion-kinds';

/** How many days before an occasion its reminder goes, for kinds without a setting of their own. */
export const DEFAULT_REMINDER_DAYS_BEFORE = 2;

/** What every message, page, rule and calendar about an occasion needs. */
export interface OccasionFacts extends OccasionRef {
  title: string;
  /** Null only for a one-to-one that has no time yet. */
  date: IsoDate | null;
  startTime: string | null;
  endTime: string | null;
  /** The instants, where the kind keeps them (for calendars). */
  startsAt: Date | null;
  endsAt: Date | null;
  venue: string | null;
  accessibility: string | null;
  cohort: ActivityCohort;
  /** Places, for an activity with a limit; a group's capacity limits who joins, not who comes. */
  capacity: number | null;
  status: OccasionStatus;
  reminderDaysBefore: number;
  transport: string | null;
  /** Whether photos or film will be taken; null where the kind does not say. */
  photos: PhotoPlan | null;
  /** What it is about: an activity's or session's agenda, a one-to-one's topic. */
  agenda: string | null;
  /** Who to contact about it: the officer who set it up, or the one-to-one's member of staff. */
  contactUserId: string | null;
  /** Raised on every move or cancellation, so calendar apps replace their copy (iCalendar SEQUENCE). */
  sequence: number;
  updatedAt: Date;
  /** The group a session belongs to. */
  groupId: string | null;
  cancelReason: string | null;
  /** It is no longer when it was first planned. */
  moved: boolean;
}

interface FactsRow {
  kind: OccasionKind;
  id: string;
  title: string;
  date: string | null;
  start_time: string | null;
  end_time: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  venue: string | null;
  accessibility: string | null;
  capacity: number | null;
  status: OccasionStatus;
  reminder_days_before: number | null;
  cohort_min_age: number | null;
  cohort_max_age: number | null;
  cohort_service_experiences: string[] | null;
  cohort_group_ids: string[] | null;
  transport: string | null;
  photos: PhotoPlan | null;
  agenda: string | null;
  contact_user_id: string | null;
  sequence: number;
  updated_at: Date;
  group_id: string | null;
  cancel_reason: string | null;
  moved: boolean;
}

function toFacts(r: FactsRow): OccasionFacts {
  return {
    kind: r.kind,
    id: r.id,
    title: r.title,
    date: r.date ?? (r.starts_at ? todayInLondon(r.starts_at) : null),
    startTime: r.start_time ?? (r.starts_at ? timeInLondon(r.starts_at) : null),
    endTime: r.end_time ?? (r.ends_at ? timeInLondon(r.ends_at) : null),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    venue: r.venue,
    accessibility: r.accessibility,
    capacity: r.capacity,
    status: r.status,
    reminderDaysBefore: r.reminder_days_before ?? DEFAULT_REMINDER_DAYS_BEFORE,
    transport: r.transport,
    photos: r.photos,
    agenda: r.agenda,
    contactUserId: r.contact_user_id,
    sequence: r.sequence,
    updatedAt: r.updated_at,
    groupId: r.group_id,
    cancelReason: r.cancel_reason,
    moved: r.moved,
    cohort:
      r.cohort_min_age === null
        ? { ...OPEN_COHORT }
        : {
            minAge: r.cohort_min_age,
            maxAge: r.cohort_max_age ?? r.cohort_min_age,
            serviceExperiences: (r.cohort_service_experiences ?? []) as ActivityCohort['serviceExperiences'],
            groupIds: r.cohort_group_ids ?? [],
          },
  };
}

/**
 * The facts of many occasions of any kinds, in one query, keyed by `occasionKey`. An occasion that
 * does not exist is simply missing from the map.
 */
export async function loadOccasions(
  em: EntityManager,
  refs: readonly OccasionRef[],
): Promise<Map<string, OccasionFacts>> {
  const idsByKind = new Map<OccasionKind, Set<string>>();
  for (const ref of refs) {
    const ids = idsByKind.get(ref.kind) ?? new Set<string>();
    ids.add(ref.id);
    idsByKind.set(ref.kind, ids);
  }
  if (idsByKind.size === 0) return new Map();
  const params: string[][] = [];
  const selects = [...idsByKind].map(([kind, ids]) => {
    params.push([...ids]);
    return factsSelect(kind, `${OCCASION_KIND_DEFINITIONS[kind].idColumn} = ANY($${params.length}::uuid[])`);
  });
  const rows: FactsRow[] = await em.query(selects.join('\nUNION ALL\n'), params);
  return new Map(rows.map((r) => [occasionKey(r), toFacts(r)]));
}

export async function loadOccasion(em: EntityManager, ref: OccasionRef): Promise<OccasionFacts | null> {
  return (await loadOccasions(em, [ref])).get(occasionKey(ref)) ?? null;
}

/** Who a staff calendar is for: every occasion, one member of staff's own, or one group's. */
export type CalendarScope =
  | { kind: 'all' }
  | { kind: 'mine'; userId: string }
  | { kind: 'group'; groupId: string };

/** The occasions on a staff calendar starting in [from, to), in time order. */
export async function occasionsBetween(
  em: EntityManager,
  from: Date,
  to: Date,
  scope: CalendarScope,
): Promise<OccasionFacts[]> {
  const selects: string[] = [];
  for (const [kind, { calendar }] of Object.entries(OCCASION_KIND_DEFINITIONS) as [
    OccasionKind,
    OccasionKindDefinition,
  ][]) {
    if (!calendar) continue;
    const narrow = scope.kind === 'all' ? '' : scope.kind === 'mine' ? calendar.mine : calendar.group;
    if (narrow === null) continue;
    const inRange = `${calendar.startsAt} >= $1 AND ${calendar.startsAt} < $2`;
    selects.push(factsSelect(kind, narrow ? `${inRange} AND ${narrow}` : inRange));
  }
  const params: unknown[] = [from, to];
  if (scope.kind !== 'all') params.push(scope.kind === 'mine' ? scope.userId : scope.groupId);
  const rows: FactsRow[] = await em.query(selects.join('\nUNION ALL\n'), params);
  const facts = rows.map(toFacts);
  // Every kind on a calendar keeps its start as an instant.
  return facts.sort(
    (a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
  );
}

/** A review meeting's facts from the request that invites someone to it, before its invitation exists. */
export function reviewMeetingFacts(
  review: Extract<InvitationTargetRequest, { kind: 'review_meeting' }>,
): OccasionFacts & { date: IsoDate } {
  const row = {
    ...defaultFactsRow(),
    kind: 'review_meeting',
    // A review meeting's reference is its invitation, which does not exist yet.
    id: '',
    title: review.title,
    date: review.date,
    start_time: review.startTime,
    venue: review.venue,
    updated_at: new Date(),
  } as FactsRow;
  return { ...toFacts(row), date: review.date };
}
