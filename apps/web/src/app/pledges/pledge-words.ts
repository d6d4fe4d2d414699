import { PLEDGE_STATUS_RULES, RAG_LABELS } from '@heard/domain';
import type { PledgeOccasionKind, PledgeRatings, PledgeStatus, Rag } from '@heard/domain';
import { shortDate } from '../core/dates';

/** A colour in words: never the colour alone (people who cannot tell red from green, screen readers). */
export const ragWords = (rag: Rag | null): string => (rag ? RAG_LABELS[rag] : 'Not given yet');

export const statusWords = (status: PledgeStatus): string => PLEDGE_STATUS_RULES[status].label;

/** What the flag says, in words both sides can read. */
export function flagWords(ratings: PledgeRatings): string | null {
  if (!ratings.flagged) return null;
  return ratings.divergence === 'leader_more_hopeful'
    ? `The young people see this pledge as ${ragWords(ratings.youngPeople.rag).toLowerCase()}; the leader as ${ragWords(ratings.leader.rag).toLowerCase()}.`
    : `The leader sees this pledge as ${ragWords(ratings.leader.rag).toLowerCase()}; the young people as ${ragWords(ratings.youngPeople.rag).toLowerCase()}.`;
}

const EVENT_WORDS: Readonly<Record<string, string>> = {
  pledge_recorded: 'Recorded',
  pledge_confirmed: 'Confirmed by the leader',
  pledge_declined: 'Declined by the leader',
  pledge_changed: 'Changed',
  status_changed: 'Status changed',
  progress_updated: 'Progress update',
  rag_changed: 'Colour changed',
  verdict_given: 'Young people’s verdict',
  linked: 'Linked',
  unlinked: 'Link taken away',
  reminded: 'Leader reminded',
};
export const eventWords = (event: string): string => EVENT_WORDS[event] ?? event;

const OCCASION_WORDS: Readonly<Record<PledgeOccasionKind, string>> = {
  activity_day: 'Activity day',
  group_session: 'Group session',
};
/** Where it was made, when Heard knows the occasion: "Activity day: Climbing wall day, Sat 4 Jul". */
export function occasionWords(occasion: {
  kind: PledgeOccasionKind;
  title: string;
  date: string | null;
}): string {
  const what = `${OCCASION_WORDS[occasion.kind]}: ${occasion.title}`;
  return occasion.date ? `${what}, ${shortDate(occasion.date)}` : what;
}
