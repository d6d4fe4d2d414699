import {
  COUNTS_AS_INVITED,
  HOLDS_A_PLACE,
  InvitationStatus,
  LIVE_STATUSES,
  OUT_AND_LIVE,
  SAID_YES,
  STILL_EXPECTED,
} from '@heard/domain';

/**
 * The rules of libs/domain that SQL needs, written as SQL once. A status set is spelt out from its
 * constant, so a query can never disagree with the rule the web app and the reports use.
 */

/** `IN ('a','b')` for a set of statuses; the values are enum members, never user input. */
function inList(statuses: ReadonlySet<InvitationStatus>): string {
  return `IN (${[...statuses].map((s) => `'${s}'`).join(',')})`;
}

/**
 * The UK day of a timestamptz column, which is the day a period's dates mean: the one home of "in
 * the period" for an instant.
 */
export const londonDay = (column: string) => `(${column} AT TIME ZONE 'Europe/London')::date`;

/** Predicates on an invitations row, by alias: `${invitationIs.invited('i')}`. */
export const invitationIs = {
  /** It reached the young person (COUNTS_AS_INVITED). */
  invited: (alias = 'invitations') => `${alias}.status ${inList(COUNTS_AS_INVITED)}`,
  /** They said yes, whether or not they came (SAID_YES). */
  saidYes: (alias = 'invitations') => `${alias}.status ${inList(SAID_YES)}`,
  /** They hold a place at an activity with a capacity (HOLDS_A_PLACE). */
  holdingAPlace: (alias = 'invitations') => `${alias}.status ${inList(HOLDS_A_PLACE)}`,
  /** They may still come, so they hear of a change (STILL_EXPECTED). */
  stillExpected: (alias = 'invitations') => `${alias}.status ${inList(STILL_EXPECTED)}`,
  /** Not withdrawn (LIVE_STATUSES). */
  live: (alias = 'invitations') => `${alias}.status ${inList(LIVE_STATUSES)}`,
  /** Out to the young person and not taken back (OUT_AND_LIVE). */
  outAndLive: (alias = 'invitations') => `${alias}.status ${inList(OUT_AND_LIVE)}`,
  /** Exactly this status. */
  status: (status: InvitationStatus, alias = 'invitations') => `${alias}.status = '${status}'`,
};

/**
 * A group membership row that is current on a day (an SQL expression or parameter): they joined on
 * or before it and had not left before it. Their leaving day still counts, so a last session they
 * come to is theirs.
 */
export function memberOn(alias: string, day: string): string {
  return `(${alias}.joined_on <= ${day} AND (${alias}.left_on IS NULL OR ${alias}.left_on >= ${day}))`;
}
