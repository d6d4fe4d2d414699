import {
  PLEDGE_STATUSES,
  PLEDGE_STATUS_RULES,
  PledgeStatus,
  PledgeVerdict,
  Rag,
  checkPledgeMove,
  checkRagChange,
  nextUpdateDue,
  pledgeFlag,
  pledgeRemindOn,
  youngPeoplesRag,
} from './pledge-rules';

describe('pledge status moves', () => {
  const allowed: ReadonlyArray<[PledgeStatus, PledgeStatus]> = [
    ['unconfirmed', 'active'],
    ['unconfirmed', 'declined'],
    ['active', 'completed'],
    ['active', 'withdrawn'],
  ];
  const pairs = PLEDGE_STATUSES.flatMap((from) => PLEDGE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s, with a reason', (from, to) => {
    const expected = allowed.some(([f, t]) => f === from && t === to);
    const check = checkPledgeMove(from, to, 'Because the budget moved to next year.');
    expect(check.allowed).toBe(expected);
    if (!check.allowed) {
      expect(check.field).toBe('status');
      expect(check.message.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['unconfirmed', 'declined', null, false],
    ['unconfirmed', 'declined', '   ', false],
    ['unconfirmed', 'declined', 'I pledged something else.', true],
    ['active', 'withdrawn', null, false],
    ['active', 'withdrawn', 'The service closed.', true],
    ['active', 'completed', null, true],
    ['unconfirmed', 'active', null, true],
  ] as const)('%s → %s with reason %p: allowed %s', (from, to, reason, expected) => {
    const check = checkPledgeMove(from, to, reason);
    expect(check.allowed).toBe(expected);
    if (!check.allowed) expect(check.field).toBe('statusReason');
  });

  it.each([
    ['unconfirmed', false, false],
    ['active', true, true],
    ['completed', false, true],
    ['withdrawn', false, true],
    ['declined', false, false],
  ] as const)('%s takes updates: %s; young people may rate it: %s', (status, updates, rate) => {
    expect(PLEDGE_STATUS_RULES[status]).toMatchObject({ takesUpdates: updates, youngPeopleMayRate: rate });
  });
});

describe('the leader’s red/amber/green', () => {
  it.each([
    [null, 'amber', null, false],
    [null, 'amber', 'Started, not finished.', true],
    ['amber', 'amber', null, true],
    ['amber', 'red', '', false],
    ['amber', 'red', 'The training was cancelled.', true],
    ['red', 'green', 'Done in every team.', true],
  ] as const)('%s → %s with reason %p: allowed %s', (from, to, reason, expected) => {
    const check = checkRagChange(from, to, reason);
    expect(check.allowed).toBe(expected);
    if (!check.allowed) expect(check.field).toBe('ragReason');
  });
});

describe('the young people’s verdict as red/amber/green', () => {
  it.each<[PledgeVerdict[], Rag | null]>([
    [[], null],
    [['kept'], 'green'],
    [['partly'], 'amber'],
    [['not_kept'], 'red'],
    [['kept', 'kept', 'not_kept'], 'green'],
    [['kept', 'not_kept'], 'red'],
    [['kept', 'partly'], 'amber'],
    [['kept', 'partly', 'not_kept'], 'amber'],
    [['kept', 'kept', 'partly', 'not_kept'], 'amber'],
    [['kept', 'partly', 'not_kept', 'not_kept'], 'red'],
    [['not_kept', 'not_kept', 'kept', 'kept', 'kept'], 'green'],
  ])('%j → %s', (verdicts, expected) => {
    expect(youngPeoplesRag(verdicts)).toBe(expected);
  });
});

describe('the flag where the two differ', () => {
  it.each<[Rag | null, Rag | null, boolean, string | null]>([
    [null, null, false, null],
    ['green', null, false, null],
    [null, 'red', false, null],
    ['green', 'green', false, null],
    ['amber', 'amber', false, null],
    ['amber', 'red', true, 'leader_more_hopeful'],
    ['green', 'red', true, 'leader_more_hopeful'],
    ['green', 'amber', true, 'leader_more_hopeful'],
    ['red', 'green', true, 'young_people_more_hopeful'],
    ['amber', 'green', true, 'young_people_more_hopeful'],
  ])('leader %s, young people %s: flagged %s (%s)', (leader, young, flagged, divergence) => {
    expect(pledgeFlag(leader, young)).toEqual({ flagged, divergence });
  });
});

describe('when an update is due and the reminder goes', () => {
  it.each([
    ['2026-01-01', 30, '2026-01-31', '2026-01-24'],
    ['2026-01-01', 7, '2026-01-08', '2026-01-07'],
    ['2026-01-01', 12, '2026-01-13', '2026-01-10'],
    ['2026-02-20', 14, '2026-03-06', '2026-03-03'],
    ['2026-01-01', 365, '2027-01-01', '2026-12-25'],
    ['2026-03-20', 30, '2026-04-19', '2026-04-12'],
  ])('last update %s, every %i days: due %s, reminded %s', (last, every, due, remind) => {
    expect(nextUpdateDue(last, every)).toBe(due);
    expect(pledgeRemindOn(due, every)).toBe(remind);
  });
});
