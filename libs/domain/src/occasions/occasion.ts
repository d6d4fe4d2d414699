import { z } from 'zod';
import { addDays, isIsoDate } from '../shared/dates';
import { isoDateSchema } from '../shared/schemas';

/**
 * A thing that happens on a day: what invitations, evaluations, reminders and calendars attach to.
 * A review meeting has no record of its own in Heard (the invitation to chair it carries its
 * facts), so its reference is the invitation.
 */
export type OccasionKind = 'activity_day' | 'group_session' | 'one_to_one' | 'review_meeting';

export const OCCASION_KINDS: readonly OccasionKind[] = [
  'activity_day',
  'group_session',
  'one_to_one',
  'review_meeting',
];

export const OCCASION_KIND_LABELS: Readonly<Record<OccasionKind, string>> = {
  activity_day: 'Activity day',
  group_session: 'Group session',
  one_to_one: 'One-to-one',
  review_meeting: 'Chairing their review meeting',
};

export interface OccasionRef {
  kind: OccasionKind;
  id: string;
}

/** Open until it is cancelled or, for a one-to-one, closed once it has taken place. */
export type OccasionStatus = 'open' | 'cancelled' | 'done';

/** What someone invited to an occasion is told about a change to it. */
export type OccasionChange = 'moved' | 'cancelled';

export const occasionKey = (ref: OccasionRef): string => `${ref.kind}:${ref.id}`;

export const MAX_CALENDAR_DAYS = 42;

const bothDates = (q: { from: string; to: string }) => isIsoDate(q.from) && isIsoDate(q.to);

/** A week of the staff calendar: `from` and `to` are days (inclusive), at most 6 weeks apart. */
export const CalendarQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  // zod runs these even when a date failed above: judge only two real dates.
  .refine((q) => !bothDates(q) || q.to >= q.from, {
    message: 'The end must not be before the start.',
    path: ['to'],
  })
  .refine((q) => !bothDates(q) || q.to <= addDays(q.from, MAX_CALENDAR_DAYS - 1), {
    message: `Ask for at most ${MAX_CALENDAR_DAYS} days at a time.`,
    path: ['to'],
  });
export type CalendarQuery = z.output<typeof CalendarQuerySchema>;

/** An occasion on the staff calendar page. No young person's name: calendars are glanced at in public. */
export interface CalendarOccasion extends OccasionRef {
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  status: OccasionStatus;
  /** For a session: its group, to link to it. */
  groupId: string | null;
  /** Moved from when it was first planned. */
  moved: boolean;
  cancelReason: string | null;
}
