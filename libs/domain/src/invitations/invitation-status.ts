import { IsoDate } from '../shared/dates';
import { InvitationChannel } from './channels';

export enum InvitationStatus {
  Draft = 'draft',
  /** Recorded, but nobody has yet said it reached the young person (phone, in person, a handed-over letter…). */
  ToDeliver = 'to_deliver',
  Sent = 'sent',
  HandedOver = 'handed_over',
  Accepted = 'accepted',
  Declined = 'declined',
  Waitlisted = 'waitlisted',
  Attended = 'attended',
  DidNotAttend = 'did_not_attend',
  Withdrawn = 'withdrawn',
}

export const INVITATION_STATUSES: readonly InvitationStatus[] = Object.values(InvitationStatus);

/** Staff words. */
export const INVITATION_STATUS_LABELS: Readonly<Record<InvitationStatus, string>> = {
  [InvitationStatus.Draft]: 'Not sent yet',
  [InvitationStatus.ToDeliver]: 'To deliver: not told yet',
  [InvitationStatus.Sent]: 'Sent, no answer yet',
  [InvitationStatus.HandedOver]: 'Handed over, no answer yet',
  [InvitationStatus.Accepted]: 'Coming',
  [InvitationStatus.Declined]: 'Not coming',
  [InvitationStatus.Waitlisted]: 'On the waiting list',
  [InvitationStatus.Attended]: 'Came',
  [InvitationStatus.DidNotAttend]: 'Did not come',
  [InvitationStatus.Withdrawn]: 'Withdrawn',
};

/** What the young person's own page says: short words a 10-year-old reads easily. */
export const YOUNG_PERSON_STATUS_WORDS: Readonly<Record<InvitationStatus, string>> = {
  [InvitationStatus.Draft]: 'Not ready yet',
  [InvitationStatus.ToDeliver]: 'Can you come? Tell us yes or no',
  [InvitationStatus.Sent]: 'Can you come? Tell us yes or no',
  [InvitationStatus.HandedOver]: 'Can you come? Tell us yes or no',
  [InvitationStatus.Accepted]: 'You said yes. See you there!',
  [InvitationStatus.Declined]: 'You said no. That is fine',
  [InvitationStatus.Waitlisted]: 'It is full right now. You are on the waiting list',
  [InvitationStatus.Attended]: 'You came. Thank you!',
  [InvitationStatus.DidNotAttend]: 'We missed you this time',
  [InvitationStatus.Withdrawn]: 'This invite has been taken back',
};

export type InvitationEvent =
  | 'send'
  | 'queue_for_delivery'
  | 'deliver'
  | 'hand_over'
  | 'accept'
  | 'decline'
  | 'waitlist'
  | 'promote'
  | 'withdraw'
  | 'mark_attended'
  | 'mark_did_not_attend';

export const INVITATION_EVENTS: readonly InvitationEvent[] = [
  'send',
  'queue_for_delivery',
  'deliver',
  'hand_over',
  'accept',
  'decline',
  'waitlist',
  'promote',
  'withdraw',
  'mark_attended',
  'mark_did_not_attend',
];

/**
 * Counted as invited in the funnel: it reached the young person. An invitation still to deliver has
 * not, so it is not counted until someone records that it did. A withdrawn invitation is left out
 * whether or not it had gone out, because the status alone cannot tell which.
 */
export const COUNTS_AS_INVITED: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Sent,
  InvitationStatus.HandedOver,
  InvitationStatus.Accepted,
  InvitationStatus.Declined,
  InvitationStatus.Waitlisted,
  InvitationStatus.Attended,
  InvitationStatus.DidNotAttend,
]);

/**
 * Who is told when an occasion moves or is cancelled: everyone who may still be coming. Someone whose
 * invitation is still to deliver has heard nothing yet; whoever delivers it gives the new day.
 */
export const STILL_EXPECTED: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Sent,
  InvitationStatus.HandedOver,
  InvitationStatus.Accepted,
  InvitationStatus.Waitlisted,
]);

/** Said yes, whether or not they then came: the funnel's "accepted". */
export const SAID_YES: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Accepted,
  InvitationStatus.Attended,
  InvitationStatus.DidNotAttend,
]);

/** Holding a place at an activity with a capacity. */
export const HOLDS_A_PLACE: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Accepted,
  InvitationStatus.Attended,
]);

/** Not taken back: at most one live invitation per young person per occasion. */
export const LIVE_STATUSES: ReadonlySet<InvitationStatus> = new Set(
  Object.values(InvitationStatus).filter((s) => s !== InvitationStatus.Withdrawn),
);

/** Made and not taken back: a draft has told nobody yet, and a withdrawn one is over. */
export const OUT_AND_LIVE: ReadonlySet<InvitationStatus> = new Set(
  [...LIVE_STATUSES].filter((s) => s !== InvitationStatus.Draft),
);

/** Attendance has been marked or the invitation taken back. */
export const FINAL_STATUSES: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.Attended,
  InvitationStatus.DidNotAttend,
  InvitationStatus.Withdrawn,
]);

export type TransitionResult = { ok: true; status: InvitationStatus } | { ok: false; message: string };

interface Rule {
  to: InvitationStatus;
  from: readonly InvitationStatus[];
  /** `until_day`: on or before the day; `from_day`: on or after it. */
  when: 'until_day' | 'from_day';
  /** Said when the current status is not one the event can come from. */
  notFrom: string;
}

const S = InvitationStatus;
// An answer from a young person whose invitation is still to deliver shows it reached them.
const ANSWERABLE = [S.ToDeliver, S.Sent, S.HandedOver, S.Accepted, S.Declined, S.Waitlisted];

/**
 * Young people sometimes turn up without saying yes, so anyone who was invited can be marked as
 * having come. Only someone who said yes can be marked as not coming: a no-show is a broken yes,
 * and the funnel counts it as accepted.
 */
const RULES: Readonly<Record<InvitationEvent, Rule>> = {
  send: { to: S.Sent, from: [S.Draft], when: 'until_day', notFrom: 'The invitation has already gone out.' },
  queue_for_delivery: {
    to: S.ToDeliver,
    from: [S.Draft],
    when: 'until_day',
    notFrom: 'The invitation has already gone out.',
  },
  deliver: {
    to: S.Sent,
    from: [S.ToDeliver],
    when: 'until_day',
    notFrom: 'This invitation is not waiting to be delivered.',
  },
  // A sent letter can still be handed over by a trusted adult afterwards.
  hand_over: {
    to: S.HandedOver,
    from: [S.Draft, S.ToDeliver, S.Sent],
    when: 'until_day',
    notFrom: 'The invitation has already been answered.',
  },
  accept: {
    to: S.Accepted,
    from: [S.ToDeliver, S.Sent, S.HandedOver, S.Declined],
    when: 'until_day',
    notFrom: 'They cannot say yes to this invitation now.',
  },
  decline: {
    to: S.Declined,
    from: [S.ToDeliver, S.Sent, S.HandedOver, S.Accepted, S.Waitlisted],
    when: 'until_day',
    notFrom: 'They cannot say no to this invitation now.',
  },
  waitlist: {
    to: S.Waitlisted,
    from: [S.ToDeliver, S.Sent, S.HandedOver, S.Declined],
    when: 'until_day',
    notFrom: 'Only someone who has not got a place can go on the waiting list.',
  },
  promote: {
    to: S.Accepted,
    from: [S.Waitlisted],
    when: 'until_day',
    notFrom: 'Only someone on the waiting list can be moved up.',
  },
  withdraw: {
    to: S.Withdrawn,
    from: [S.Draft, ...ANSWERABLE],
    when: 'until_day',
    notFrom: 'This invitation can no longer be withdrawn.',
  },
  mark_attended: {
    to: S.Attended,
    from: [...ANSWERABLE, S.DidNotAttend],
    when: 'from_day',
    notFrom: 'Only someone who was invited can be marked as having come.',
  },
  mark_did_not_attend: {
    to: S.DidNotAttend,
    from: [S.Accepted, S.Attended],
    when: 'from_day',
    notFrom: 'Only someone who said yes can be marked as not coming.',
  },
};

/** Why an event cannot happen from a status, when the status itself says more than the event does. */
function refusalFor(current: InvitationStatus, event: InvitationEvent): string {
  if (current === S.Withdrawn) return 'This invitation was withdrawn.';
  if (current === S.Draft) return 'The invitation has not been sent yet.';
  if ((current === S.Attended || current === S.DidNotAttend) && event !== 'mark_attended')
    return 'Attendance has been marked, so the invitation can no longer change.';
  if (current === S.Waitlisted && event === 'accept')
    return 'They are on the waiting list and move up when a place frees up.';
  if (current === S.Accepted && event === 'waitlist') return 'They already have a place.';
  return RULES[event].notFrom;
}

/**
 * The status an event moves an invitation to, or why it cannot. Repeating the event that led to the
 * current status changes nothing and is not an error, so a double tap on "Yes" is harmless.
 */
export function transition(
  current: InvitationStatus,
  event: InvitationEvent,
  ctx: { today: IsoDate; eventDate: IsoDate },
): TransitionResult {
  const rule = RULES[event];
  if (rule.to === current && event !== 'promote') return { ok: true, status: current };
  if (!rule.from.includes(current)) return { ok: false, message: refusalFor(current, event) };
  if (rule.when === 'until_day' && ctx.today > ctx.eventDate)
    return {
      ok: false,
      message:
        event === 'withdraw' ? 'The day has passed: mark whether they came instead.' : 'The day has passed.',
    };
  if (rule.when === 'from_day' && ctx.today < ctx.eventDate)
    return { ok: false, message: 'You can mark who came from the day itself.' };
  return { ok: true, status: rule.to };
}

/** Whether the young person can still change their answer on their page. */
export function canStillAnswer(status: InvitationStatus, today: IsoDate, eventDate: IsoDate): boolean {
  return today <= eventDate && ANSWERABLE.includes(status);
}

/**
 * How an invitation goes out. Heard sends email itself, and a posted letter is out once it is in
 * the post; anything someone has to pass on (a call, a message, a word in person, a letter a
 * trusted adult hands over) is to deliver until someone records that it reached the young person.
 */
export function sendingEvent(
  channel: InvitationChannel,
  viaTrustedAdult: boolean,
): 'send' | 'queue_for_delivery' {
  if (channel === InvitationChannel.Email) return 'send';
  if (channel === InvitationChannel.Letter && !viaTrustedAdult) return 'send';
  return 'queue_for_delivery';
}
