import { ALL_ROLES, Role } from '../roles/role';
import {
  MAX_PLAN_REASON,
  MAX_WHAT_CHANGED,
  PLAN_MOVES,
  PLAN_STATUSES,
  PLAN_STATUS_RULES,
  PlanStatus,
  PlanVersionRow,
  checkNewPlanVersion,
  checkPlanComment,
  checkPlanEdit,
  checkPlanMove,
  isPlanStatus,
  nextPlanVersionNumber,
  planMovesFor,
  supersededByPublishing,
} from './plan-workflow';

const {
  ParticipationOfficer: Officer,
  SeniorLeader: Leader,
  YoungExpert,
  Practitioner,
  Administrator,
} = Role;
const REASON = 'The young experts asked for the commitments in shorter sentences.';

describe('plan moves', () => {
  // Every allowed move with who may make it; everything else is refused, whoever asks.
  const allowed: ReadonlyArray<[PlanStatus, PlanStatus, readonly Role[]]> = [
    ['draft', 'scrutiny', [Officer]],
    ['scrutiny', 'draft', [Officer, Leader]],
    ['scrutiny', 'approved', [Leader]],
    ['approved', 'draft', [Officer, Leader]],
    ['approved', 'published', [Officer]],
  ];
  const cases = PLAN_STATUSES.flatMap((from) =>
    PLAN_STATUSES.flatMap((to) => ALL_ROLES.map((role) => [from, to, role] as const)),
  );

  it.each(cases)('%s → %s by a %s, with a reason', (from, to, role) => {
    const rule = allowed.find(([f, t]) => f === from && t === to);
    const check = checkPlanMove(from, to, role, REASON);
    expect(check.allowed).toBe(rule !== undefined && rule[2].includes(role));
    if (!check.allowed) expect(check.field).toBe(rule ? 'role' : 'status');
  });

  it.each([
    ['draft', 'published', 'A plan is published only after a senior leader has approved it.'],
    ['scrutiny', 'published', 'A plan is published only after a senior leader has approved it.'],
    ['draft', 'approved', 'A plan is approved only after young people have scrutinised it.'],
    ['published', 'draft', 'A published version never changes: make a correction, a new version, instead.'],
    [
      'superseded',
      'published',
      'A published version never changes: make a correction, a new version, instead.',
    ],
    ['published', 'superseded', 'A version is superseded when the next one is published, not by hand.'],
    ['draft', 'draft', 'This version is already “Draft”.'],
    ['draft', 'superseded', 'A plan cannot go from “Draft” to “Superseded”.'],
  ] as const)('%s → %s is refused: %s', (from, to, message) => {
    expect(checkPlanMove(from, to, Officer, REASON)).toEqual({ allowed: false, field: 'status', message });
  });

  it.each([
    ['scrutiny', 'approved', Officer, 'Only a senior leader can do this.'],
    ['approved', 'published', Leader, 'Only a participation officer can do this.'],
    ['draft', 'scrutiny', YoungExpert, 'Only a participation officer can do this.'],
    ['scrutiny', 'draft', Practitioner, 'Only a participation officer or a senior leader can do this.'],
    ['approved', 'draft', Administrator, 'Only a participation officer or a senior leader can do this.'],
  ] as const)('%s → %s by a %s is not theirs to make', (from, to, role, message) => {
    expect(checkPlanMove(from, to, role, REASON)).toEqual({ allowed: false, field: 'role', message });
  });

  it.each([
    ['scrutiny', 'draft', Leader, null, false],
    ['scrutiny', 'draft', Officer, '   ', false],
    ['scrutiny', 'draft', Officer, REASON, true],
    ['approved', 'draft', Leader, null, false],
    ['approved', 'draft', Leader, REASON, true],
    ['draft', 'scrutiny', Officer, null, true],
    ['scrutiny', 'approved', Leader, null, true],
    ['approved', 'published', Officer, null, true],
    ['scrutiny', 'approved', Leader, 'x'.repeat(MAX_PLAN_REASON), true],
    ['scrutiny', 'approved', Leader, 'x'.repeat(MAX_PLAN_REASON + 1), false],
  ] as const)('%s → %s by a %s with reason %p: allowed %s', (from, to, role, reason, expected) => {
    const check = checkPlanMove(from, to, role, reason);
    expect(check.allowed).toBe(expected);
    if (!check.allowed) expect(check.field).toBe('reason');
  });

  it.each([
    ['draft', Officer, ['scrutiny']],
    ['draft', Leader, []],
    ['scrutiny', Officer, ['draft']],
    ['scrutiny', Leader, ['draft', 'approved']],
    ['approved', Officer, ['draft', 'published']],
    ['approved', Leader, ['draft']],
    ['published', Officer, []],
    ['published', Leader, []],
    ['superseded', Officer, []],
    ['scrutiny', YoungExpert, []],
  ] as const)('from %s a %s is offered %j', (from, role, to) => {
    expect(planMovesFor(from, role).map((m) => m.to)).toEqual(to);
  });

  it('has one move at most for each pair of statuses', () => {
    const pairs = PLAN_MOVES.map((m) => `${m.from}→${m.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it.each([
    ['draft', true],
    ['published', true],
    ['withdrawn', false],
    [3, false],
  ])('%p is a status: %s', (value, expected) => {
    expect(isPlanStatus(value)).toBe(expected);
  });
});

describe('what each status allows', () => {
  it.each([
    ['draft', true, false, false],
    ['scrutiny', true, true, false],
    ['approved', false, false, false],
    ['published', false, false, true],
    ['superseded', false, false, true],
  ] as const)('%s: editable %s, young people may comment %s, public %s', (status, edit, comment, pub) => {
    expect(PLAN_STATUS_RULES[status]).toMatchObject({
      editable: edit,
      youngPeopleMayComment: comment,
      public: pub,
    });
    expect(checkPlanEdit(status).allowed).toBe(edit);
    expect(checkPlanComment(status).allowed).toBe(comment);
  });

  it.each([
    ['approved', 'An approved plan is published as it was approved: send it back to draft to change it.'],
    ['published', 'A published version never changes: make a correction, a new version, instead.'],
    ['superseded', 'A published version never changes: make a correction, a new version, instead.'],
  ] as const)('editing a %s version is refused: %s', (status, message) => {
    expect(checkPlanEdit(status)).toEqual({ allowed: false, field: 'status', message });
  });

  it('refuses a comment outside scrutiny in words a young person understands', () => {
    expect(checkPlanComment('draft')).toEqual({
      allowed: false,
      field: 'status',
      message: 'This plan is not open for comments now.',
    });
  });
});

describe('versions', () => {
  const v = (id: string, planYear: number, status: PlanStatus, number: number | null): PlanVersionRow => ({
    id,
    planYear,
    status,
    number,
  });

  it.each([
    ['the first version of a year, without a note', [], null, true, null],
    ['the first version of a year, with a note', [], 'First plan.', true, null],
    [
      'a correction with its note',
      [v('a', 2026, 'published', 1)],
      'We fixed the date of the gala.',
      true,
      null,
    ],
    ['a correction without a note', [v('a', 2026, 'published', 1)], null, false, 'whatChanged'],
    ['a correction with a blank note', [v('a', 2026, 'published', 1)], '  ', false, 'whatChanged'],
    [
      'a note too long',
      [v('a', 2026, 'published', 1)],
      'x'.repeat(MAX_WHAT_CHANGED + 1),
      false,
      'whatChanged',
    ],
    ['a note just short enough', [v('a', 2026, 'published', 1)], 'x'.repeat(MAX_WHAT_CHANGED), true, null],
    ['a second draft', [v('a', 2026, 'draft', null)], 'Again.', false, 'status'],
    [
      'a draft while one is in scrutiny',
      [v('a', 2026, 'published', 1), v('b', 2026, 'scrutiny', null)],
      'x',
      false,
      'status',
    ],
    ['a draft while one is approved', [v('a', 2026, 'approved', null)], 'x', false, 'status'],
    [
      'a correction after a superseded one',
      [v('a', 2026, 'superseded', 1), v('b', 2026, 'published', 2)],
      'x',
      true,
      null,
    ],
    ['a new year while last year has a draft', [v('a', 2025, 'draft', null)], null, true, null],
  ] as const)('%s: allowed %s', (_, versions, note, expected, field) => {
    const check = checkNewPlanVersion(2026, versions, note);
    expect(check.allowed).toBe(expected);
    if (!check.allowed) expect(check.field).toBe(field);
  });

  it.each([
    ['none published yet', [], 1],
    ['a draft has no number', [v('a', 2026, 'draft', null)], 1],
    ['after version 1', [v('a', 2026, 'published', 1)], 2],
    [
      'after a superseded 1 and a published 2',
      [v('a', 2026, 'superseded', 1), v('b', 2026, 'published', 2)],
      3,
    ],
    ['another year’s numbers do not count', [v('a', 2025, 'published', 4)], 1],
  ] as const)('%s: the next number is %i', (_, versions, expected) => {
    expect(nextPlanVersionNumber(2026, versions)).toBe(expected);
  });

  it.each([
    ['the first plan ever', 2026, [], []],
    ['a correction supersedes the version it corrects', 2026, [v('a', 2026, 'published', 1)], ['a']],
    [
      'the next year’s plan supersedes last year’s',
      2026,
      [v('old', 2025, 'published', 2), v('older', 2025, 'superseded', 1)],
      ['old'],
    ],
    [
      'a correction of an old year leaves the current plan up',
      2025,
      [v('old', 2025, 'superseded', 1), v('current', 2026, 'published', 1)],
      [],
    ],
    ['drafts are not superseded', 2026, [v('d', 2027, 'draft', null), v('p', 2026, 'published', 1)], ['p']],
  ] as const)('%s', (_, year, versions, expected) => {
    expect(supersededByPublishing(year, versions)).toEqual(expected);
  });
});
