import {
  ActivityCohort,
  InvitationTargetKind,
  InvitationTargetRequest,
  IsoDate,
  OPEN_COHORT,
  todayInLondon,
  timeInLondon,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';

const TARGET_COLUMN: Record<Exclude<InvitationTargetKind, 'review_meeting'>, string> = {
  activity_day: 'activity_id',
  group_session: 'session_id',
  one_to_one: 'one_to_one_id',
};

/**
 * Moves the day stored on every invitation to a target that has moved. Answer links, reminders, the
 * hand-over list and the funnel read that day, so it must follow the target whatever moved it; a
 * reminder already sent was for the old time, so another is due.
 */
export async function moveInvitations(
  em: EntityManager,
  kind: keyof typeof TARGET_COLUMN,
  targetId: string,
  date: IsoDate,
): Promise<void> {
  await em.query(
    `UPDATE invitations SET event_date = $2, reminder_sent_at = NULL WHERE ${TARGET_COLUMN[kind]} = $1`,
    [targetId, date],
  );
}

/** What an invitation is for, as every message, page and rule about it needs it. */
export interface TargetFacts {
  kind: InvitationTargetKind;
  /** The activity, session or one-to-one; null for a review meeting, which has no record of its own. */
  id: string | null;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  accessibility: string | null;
  cohort: ActivityCohort;
  capacity: number | null;
  cancelled: boolean;
}

interface TargetRow {
  invitation_id: string;
  target_kind: InvitationTargetKind;
  target_id: string | null;
  title: string;
  event_date: string;
  a_start: string | null;
  a_end: string | null;
  s_starts_at: Date | null;
  s_ends_at: Date | null;
  o_scheduled_at: Date | null;
  review_start_time: string | null;
  venue: string | null;
  accessibility: string | null;
  capacity: number | null;
  cancelled: boolean;
  cohort_min_age: number | null;
  cohort_max_age: number | null;
  cohort_service_experiences: string[] | null;
  cohort_group_ids: string[] | null;
}

const TARGETS_SQL = `
  SELECT i.id AS invitation_id, i.target_kind, COALESCE(a.id, s.id, o.id) AS target_id,
         CASE i.target_kind WHEN 'activity_day' THEN a.title WHEN 'group_session' THEN g.name
              WHEN 'one_to_one' THEN 'A one-to-one chat' ELSE i.review_title END AS title,
         i.event_date::text AS event_date, a.start_time AS a_start, a.end_time AS a_end,
         s.starts_at AS s_starts_at, s.ends_at AS s_ends_at, o.scheduled_at AS o_scheduled_at,
         i.review_start_time, COALESCE(a.venue, s.venue, g.venue, o.location, i.review_venue) AS venue,
         a.accessibility, a.capacity,
         COALESCE(a.status = 'cancelled', s.status = 'cancelled', o.status = 'cancelled', false) AS cancelled,
         COALESCE(a.cohort_min_age, g.min_age) AS cohort_min_age, COALESCE(a.cohort_max_age, g.max_age) AS cohort_max_age,
         COALESCE(a.cohort_service_experiences, g.service_experiences) AS cohort_service_experiences,
         CASE WHEN a.id IS NOT NULL THEN a.cohort_group_ids::text[] WHEN g.id IS NOT NULL THEN ARRAY[g.id::text] END AS cohort_group_ids
    FROM invitations i
    LEFT JOIN activity_days a ON a.id = i.activity_id
    LEFT JOIN group_sessions s ON s.id = i.session_id
    LEFT JOIN groups g ON g.id = s.group_id
    LEFT JOIN one_to_ones o ON o.id = i.one_to_one_id`;

function toFacts(r: TargetRow): TargetFacts {
  const startTime =
    r.a_start ??
    (r.s_starts_at ? timeInLondon(r.s_starts_at) : null) ??
    (r.o_scheduled_at ? timeInLondon(r.o_scheduled_at) : null) ??
    r.review_start_time;
  const endTime = r.a_end ?? (r.s_ends_at ? timeInLondon(r.s_ends_at) : null);
  return {
    kind: r.target_kind,
    id: r.target_id,
    title: r.title,
    date: r.event_date,
    startTime,
    endTime,
    venue: r.venue,
    accessibility: r.accessibility,
    capacity: r.capacity,
    cancelled: r.cancelled,
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

/** The target of each invitation, by invitation id, in one query. */
export async function targetsOf(
  em: EntityManager,
  invitationIds: string[],
): Promise<Map<string, TargetFacts>> {
  if (invitationIds.length === 0) return new Map();
  const rows: TargetRow[] = await em.query(`${TARGETS_SQL} WHERE i.id = ANY($1::uuid[])`, [invitationIds]);
  return new Map(rows.map((r) => [r.invitation_id, toFacts(r)]));
}

/**
 * The target a new invitation would be for, refused when it cannot take invitations: not found,
 * cancelled, already happened, or a one-to-one with no time yet.
 */
export async function resolveTarget(
  em: EntityManager,
  target: InvitationTargetRequest,
): Promise<TargetFacts> {
  const today = todayInLondon();
  if (target.kind === 'review_meeting') {
    if (target.date < today)
      throw DomainError.validation('target.date', 'This date has passed: choose the date of the meeting.');
    return {
      kind: 'review_meeting',
      id: null,
      title: target.title,
      date: target.date,
      startTime: target.startTime,
      endTime: null,
      venue: target.venue,
      accessibility: null,
      cohort: { ...OPEN_COHORT },
      capacity: null,
      cancelled: false,
    };
  }
  const facts = await targetFactsById(em, target.kind, target.id);
  if (!facts) throw DomainError.notFound(NAMES[target.kind]);
  if (facts.cancelled)
    throw new DomainError('conflict', `${NAMES[target.kind]} is cancelled, so nobody can be invited to it.`);
  if (facts.date < today) throw new DomainError('conflict', `${NAMES[target.kind]} has already happened.`);
  return facts;
}

const NAMES: Record<Exclude<InvitationTargetKind, 'review_meeting'>, string> = {
  activity_day: 'This activity day',
  group_session: 'This session',
  one_to_one: 'This one-to-one',
};

async function targetFactsById(
  em: EntityManager,
  kind: Exclude<InvitationTargetKind, 'review_meeting'>,
  id: string,
): Promise<TargetFacts | null> {
  if (kind === 'activity_day') {
    const [a]: {
      title: string;
      date: string;
      start_time: string;
      end_time: string;
      venue: string | null;
      accessibility: string | null;
      capacity: number | null;
      status: string;
      cohort_min_age: number;
      cohort_max_age: number;
      cohort_service_experiences: string[];
      cohort_group_ids: string[];
    }[] = await em.query(
      `SELECT title, date::text AS date, start_time, end_time, venue, accessibility, capacity, status,
              cohort_min_age, cohort_max_age, cohort_service_experiences, cohort_group_ids::text[] AS cohort_group_ids
         FROM activity_days WHERE id = $1`,
      [id],
    );
    if (!a) return null;
    return {
      kind,
      id,
      title: a.title,
      date: a.date,
      startTime: a.start_time,
      endTime: a.end_time,
      venue: a.venue,
      accessibility: a.accessibility,
      capacity: a.capacity,
      cancelled: a.status === 'cancelled',
      cohort: {
        minAge: a.cohort_min_age,
        maxAge: a.cohort_max_age,
        serviceExperiences: a.cohort_service_experiences as ActivityCohort['serviceExperiences'],
        groupIds: a.cohort_group_ids,
      },
    };
  }
  if (kind === 'group_session') {
    const [s]: {
      name: string;
      starts_at: Date;
      ends_at: Date;
      venue: string | null;
      status: string;
      group_id: string;
      min_age: number;
      max_age: number;
      service_experiences: string[];
    }[] = await em.query(
      `SELECT g.name, s.starts_at, s.ends_at, COALESCE(s.venue, g.venue) AS venue, s.status,
              g.id AS group_id, g.min_age, g.max_age, g.service_experiences
         FROM group_sessions s JOIN groups g ON g.id = s.group_id WHERE s.id = $1`,
      [id],
    );
    if (!s) return null;
    return {
      kind,
      id,
      title: s.name,
      date: todayInLondon(s.starts_at),
      startTime: timeInLondon(s.starts_at),
      endTime: timeInLondon(s.ends_at),
      venue: s.venue,
      accessibility: null,
      // A group's capacity limits who joins it, not who comes to one session.
      capacity: null,
      cancelled: s.status === 'cancelled',
      cohort: {
        minAge: s.min_age,
        maxAge: s.max_age,
        serviceExperiences: s.service_experiences as ActivityCohort['serviceExperiences'],
        groupIds: [s.group_id],
      },
    };
  }
  const [o]: {
    scheduled_at: Date | null;
    location: string | null;
    status: string;
    young_person_id: string;
  }[] = await em.query(
    `SELECT scheduled_at, location, status, young_person_id FROM one_to_ones WHERE id = $1`,
    [id],
  );
  if (!o) return null;
  if (!o.scheduled_at)
    throw new DomainError('conflict', 'Give this one-to-one a date and time before inviting anyone to it.', {
      'target.id': ['The one-to-one has no date yet.'],
    });
  return {
    kind,
    id,
    title: 'A one-to-one chat',
    date: todayInLondon(o.scheduled_at),
    startTime: timeInLondon(o.scheduled_at),
    endTime: null,
    venue: o.location,
    accessibility: null,
    capacity: null,
    cancelled: o.status === 'cancelled' || o.status === 'done',
    cohort: { ...OPEN_COHORT },
  };
}
