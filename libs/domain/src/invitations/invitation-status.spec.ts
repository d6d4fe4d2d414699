import {
  COUNTS_AS_INVITED,
  FINAL_STATUSES,
  INVITATION_EVENTS,
  INVITATION_STATUSES,
  INVITATION_STATUS_LABELS,
  InvitationEvent,
  InvitationStatus,
  STILL_EXPECTED,
  YOUNG_PERSON_STATUS_WORDS,
  canStillAnswer,
  sendingEvent,
  transition,
} from './invitation-status';
import { InvitationChannel } from './channels';

const S = InvitationStatus;
const DAY = '2026-07-10';
const BEFORE = { today: '2026-07-01', eventDate: DAY };
const ON_THE_DAY = { today: DAY, eventDate: DAY };
const AFTER = { today: '2026-07-11', eventDate: DAY };

type Outcome = InvitationStatus | null;
/** On the day itself every time rule is met, so this is the shape of the state machine alone. */
// prettier-ignore
const ON_THE_DAY_TABLE: Record<InvitationStatus, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  //                 send     queue_for_delivery deliver  hand_over      accept      decline     waitlist      promote     withdraw     mark_attended mark_did_not_attend
  [S.Draft]:        [S.Sent, S.ToDeliver,       null,    S.HandedOver,  null,       null,       null,         null,       S.Withdrawn, null,         null],
  [S.ToDeliver]:    [null,   S.ToDeliver,       S.Sent,  S.HandedOver,  S.Accepted, S.Declined, S.Waitlisted, null,       S.Withdrawn, S.Attended,   null],
  [S.Sent]:         [S.Sent, null,              S.Sent,  S.HandedOver,  S.Accepted, S.Declined, S.Waitlisted, null,       S.Withdrawn, S.Attended,   null],
  [S.HandedOver]:   [null,   null,              null,    S.HandedOver,  S.Accepted, S.Declined, S.Waitlisted, null,       S.Withdrawn, S.Attended,   null],
  [S.Accepted]:     [null,   null,              null,    null,          S.Accepted, S.Declined, null,         null,       S.Withdrawn, S.Attended,   S.DidNotAttend],
  [S.Declined]:     [null,   null,              null,    null,          S.Accepted, S.Declined, S.Waitlisted, null,       S.Withdrawn, S.Attended,   null],
  [S.Waitlisted]:   [null,   null,              null,    null,          null,       S.Declined, S.Waitlisted, S.Accepted, S.Withdrawn, S.Attended,   null],
  [S.Attended]:     [null,   null,              null,    null,          null,       null,       null,         null,       null,        S.Attended,   S.DidNotAttend],
  [S.DidNotAttend]: [null,   null,              null,    null,          null,       null,       null,         null,       null,        S.Attended,   S.DidNotAttend],
  [S.Withdrawn]:    [null,   null,              null,    null,          null,       null,       null,         null,       S.Withdrawn, null,         null],
};

const everyPair = INVITATION_STATUSES.flatMap((status) =>
  INVITATION_EVENTS.map((event, i): [InvitationStatus, InvitationEvent, Outcome] => [
    status,
    event,
    ON_THE_DAY_TABLE[status][i],
  ]),
);

const UNTIL_DAY: ReadonlySet<InvitationEvent> = new Set([
  'send',
  'queue_for_delivery',
  'deliver',
  'hand_over',
  'accept',
  'decline',
  'waitlist',
  'promote',
  'withdraw',
]);

describe('transition', () => {
  it('should have a row for every status and a column for every event', () => {
    expect(Object.keys(ON_THE_DAY_TABLE).sort()).toEqual([...INVITATION_STATUSES].sort());
    expect(INVITATION_EVENTS).toHaveLength(11);
  });

  it.each(everyPair)('on the day, %s + %s → %p', (status, event, expected) => {
    const result = transition(status, event, ON_THE_DAY);
    if (expected === null) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/^[A-Z].*\.$/);
    } else {
      expect(result).toEqual({ ok: true, status: expected });
    }
  });

  it.each(everyPair)(
    'before the day, %s + %s → %p unless it is marking who came',
    (status, event, onTheDay) => {
      const result = transition(status, event, BEFORE);
      const repeat = onTheDay === status && event !== 'promote';
      if (onTheDay !== null && (UNTIL_DAY.has(event) || repeat))
        expect(result).toEqual({ ok: true, status: onTheDay });
      else expect(result.ok).toBe(false);
    },
  );

  it.each(everyPair)(
    'after the day, %s + %s → %p only when it is marking who came',
    (status, event, onTheDay) => {
      const result = transition(status, event, AFTER);
      const repeat = onTheDay === status && event !== 'promote';
      if (onTheDay !== null && (!UNTIL_DAY.has(event) || repeat))
        expect(result).toEqual({ ok: true, status: onTheDay });
      else expect(result.ok).toBe(false);
    },
  );

  it.each<[InvitationStatus, InvitationEvent, typeof BEFORE, string]>([
    [S.Accepted, 'decline', AFTER, 'The day has passed.'],
    [S.Declined, 'accept', AFTER, 'The day has passed.'],
    [S.Sent, 'withdraw', AFTER, 'The day has passed: mark whether they came instead.'],
    [S.Accepted, 'mark_attended', BEFORE, 'You can mark who came from the day itself.'],
    [S.Withdrawn, 'accept', BEFORE, 'This invitation was withdrawn.'],
    [S.Draft, 'accept', BEFORE, 'The invitation has not been sent yet.'],
    [S.Draft, 'mark_attended', ON_THE_DAY, 'The invitation has not been sent yet.'],
    [
      S.Attended,
      'decline',
      ON_THE_DAY,
      'Attendance has been marked, so the invitation can no longer change.',
    ],
    [S.Waitlisted, 'accept', BEFORE, 'They are on the waiting list and move up when a place frees up.'],
    [S.Accepted, 'waitlist', BEFORE, 'They already have a place.'],
    [S.Accepted, 'promote', BEFORE, 'Only someone on the waiting list can be moved up.'],
    [S.Declined, 'mark_did_not_attend', ON_THE_DAY, 'Only someone who said yes can be marked as not coming.'],
  ])('should refuse %s + %s with words that say why', (status, event, ctx, message) => {
    expect(transition(status, event, ctx)).toEqual({ ok: false, message });
  });
});

describe('canStillAnswer', () => {
  it.each<[InvitationStatus, string, boolean]>([
    [S.Sent, BEFORE.today, true],
    [S.Accepted, DAY, true],
    [S.Declined, DAY, true],
    [S.Waitlisted, BEFORE.today, true],
    [S.Accepted, AFTER.today, false],
    [S.Draft, BEFORE.today, false],
    [S.Attended, DAY, false],
    [S.Withdrawn, BEFORE.today, false],
  ])('%s on %s → %p', (status, today, expected) => {
    expect(canStillAnswer(status, today, DAY)).toBe(expected);
  });
});

describe('status sets and words', () => {
  it('should count as invited everything from sent on, leaving out drafts, those still to deliver and withdrawn invitations', () => {
    expect(INVITATION_STATUSES.filter((s) => !COUNTS_AS_INVITED.has(s))).toEqual([
      S.Draft,
      S.ToDeliver,
      S.Withdrawn,
    ]);
  });

  it('should still expect everyone who may yet come', () => {
    expect([...STILL_EXPECTED].sort()).toEqual([S.Accepted, S.HandedOver, S.Sent, S.Waitlisted].sort());
  });

  it('should let nothing but withdrawing again or correcting attendance happen from a final status', () => {
    for (const status of FINAL_STATUSES) {
      const allowed = INVITATION_EVENTS.filter((e) => transition(status, e, ON_THE_DAY).ok);
      expect(allowed.every((e) => e === 'withdraw' || e.startsWith('mark_'))).toBe(true);
    }
  });

  it.each(INVITATION_STATUSES.map((s) => [s]))(
    'should have staff and young person words for %s',
    (status) => {
      expect(INVITATION_STATUS_LABELS[status]).toMatch(/\S/);
      expect(YOUNG_PERSON_STATUS_WORDS[status]).toMatch(/\S/);
    },
  );
});

describe('sendingEvent', () => {
  const C = InvitationChannel;
  it.each<[InvitationChannel, boolean, 'send' | 'queue_for_delivery']>([
    [C.Email, false, 'send'],
    [C.Email, true, 'send'],
    [C.Letter, false, 'send'],
    [C.Letter, true, 'queue_for_delivery'],
    [C.Phone, false, 'queue_for_delivery'],
    [C.WhatsApp, false, 'queue_for_delivery'],
    [C.VoiceNote, false, 'queue_for_delivery'],
    [C.InPerson, false, 'queue_for_delivery'],
    [C.InPerson, true, 'queue_for_delivery'],
  ])('should send %s (via a trusted adult: %s) by %s', (channel, viaAdult, expected) => {
    expect(sendingEvent(channel, viaAdult)).toBe(expected);
  });

  it('should not count an invitation still to deliver as invited, nor expect its young person', () => {
    expect(COUNTS_AS_INVITED.has(S.ToDeliver)).toBe(false);
    expect(STILL_EXPECTED.has(S.ToDeliver)).toBe(false);
    expect(COUNTS_AS_INVITED.has(S.Sent)).toBe(true);
  });
});
