import { ACTION_STATUSES, ACTION_STATUS_RULES, ActionStatus, checkActionMove } from './action-status';

describe('action status moves', () => {
  const allowed: ReadonlyArray<[ActionStatus, ActionStatus]> = [
    ['planned', 'in_progress'],
    ['planned', 'done'],
    ['planned', 'cant'],
    ['in_progress', 'done'],
    ['in_progress', 'cant'],
    ['cant', 'planned'],
  ];
  const pairs = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const expected = allowed.some(([f, t]) => f === from && t === to);
    const check = checkActionMove(from, to);
    expect(check.allowed).toBe(expected);
    if (!check.allowed) expect(check.message.length).toBeGreaterThan(10);
  });

  it('says why a We did cannot move', () => {
    expect(checkActionMove('done', 'planned')).toEqual({
      allowed: false,
      message: 'A “We did” stays done. Add a progress note or a new action instead.',
    });
  });

  it.each([
    ['planned', 'we_will', 0, false],
    ['in_progress', 'we_will', 50, false],
    ['done', 'we_did', 100, true],
    ['cant', 'we_cant', 0, true],
  ] as const)('%s answers %s, starts at %i%%, final: %s', (status, answer, progress, final) => {
    expect(ACTION_STATUS_RULES[status]).toMatchObject({ answer, defaultProgress: progress, final });
  });

  it('a We will needs an owner and a due date, a We can’t a reason', () => {
    expect(ACTION_STATUSES.filter((s) => ACTION_STATUS_RULES[s].needsOwnerAndDueDate)).toEqual([
      'planned',
      'in_progress',
    ]);
    expect(ACTION_STATUSES.filter((s) => ACTION_STATUS_RULES[s].needsReason)).toEqual(['cant']);
  });
});
