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
