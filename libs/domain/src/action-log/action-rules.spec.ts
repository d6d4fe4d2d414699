import { ACTION_STATUSES, ActionStatus } from './action-status';
import { ActionAnswerFields, actionAnswerProblems, checkActionChange } from './action-rules';
import { ActionCreateRequestSchema, ActionUpdateRequestSchema } from './actions.contract';

const OWNER = '7f4d2c1e-0000-4000-8000-000000000001';
const whole: ActionAnswerFields = {
  ownerId: OWNER,
  dueOn: '2026-06-01',
  cantReason: 'There is no money for it this year.',
};
const empty: ActionAnswerFields = { ownerId: null, dueOn: null, cantReason: null };

describe('what an answer needs', () => {
  it.each<[ActionStatus, ActionAnswerFields, string[]]>([
    ['planned', empty, ['ownerId', 'dueOn']],
    ['planned', { ...empty, ownerId: OWNER }, ['dueOn']],
    ['planned', { ...empty, dueOn: '2026-06-01' }, ['ownerId']],
    ['in_progress', empty, ['ownerId', 'dueOn']],
    ['planned', { ...whole, cantReason: null }, []],
    ['done', empty, []],
    ['cant', empty, ['cantReason']],
    ['cant', { ...empty, cantReason: '   ' }, ['cantReason']],
    ['cant', { ...empty, cantReason: 'No money this year.' }, []],
  ])('%s with %j lacks %j', (status, fields, missing) => {
    expect(Object.keys(actionAnswerProblems(status, fields)).sort()).toEqual([...missing].sort());
  });
});

describe('checking a change of action', () => {
  it.each(ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s follows the status table',
    (from, to) => {
      const check = checkActionChange(from, to, whole, { current: 30, given: null });
      const expected =
        from === to ||
        (from === 'planned' && ['in_progress', 'done', 'cant'].includes(to)) ||
        (from === 'in_progress' && ['done', 'cant'].includes(to)) ||
        (from === 'cant' && to === 'planned');
      expect(check.allowed).toBe(expected);
    },
  );

  it.each<[ActionStatus, ActionStatus, number | null, number]>([
    ['planned', 'in_progress', null, 50],
    ['planned', 'done', null, 100],
    ['planned', 'in_progress', 70, 70],
    ['in_progress', 'in_progress', null, 30],
    ['cant', 'planned', null, 0],
  ])('%s → %s with progress %p gives %p', (from, to, given, expected) => {
    expect(checkActionChange(from, to, whole, { current: 30, given })).toEqual({
      allowed: true,
      progress: expected,
    });
  });

  it('names the status for an illegal jump and the field for a missing need', () => {
    expect(checkActionChange('done', 'planned', whole, { current: 100, given: null })).toMatchObject({
      allowed: false,
      field: 'status',
    });
    expect(checkActionChange('planned', 'cant', empty, { current: 0, given: null })).toMatchObject({
      allowed: false,
      field: 'cantReason',
    });
    expect(
      checkActionChange('cant', 'planned', { ...empty, cantReason: 'x' }, { current: 0, given: null }),
    ).toMatchObject({
      allowed: false,
      field: 'ownerId',
    });
  });
});

describe('the actions contract', () => {
  const ITEM = '7f4d2c1e-0000-4000-8000-0000000000aa';
  const base = { itemIds: [ITEM], words: 'Put the leaflet in plain words.' };

  it.each([
    [{ ...base, status: 'done' }, true],
    [{ ...base, status: 'planned', ownerId: OWNER, dueOn: '2026-06-01' }, true],
    [{ ...base, status: 'planned', ownerId: OWNER }, false],
    [{ ...base, status: 'planned', dueOn: '2026-06-01' }, false],
    [{ ...base, status: 'cant' }, false],
    [{ ...base, status: 'cant', cantReason: 'It is the law.' }, true],
    [{ ...base, status: 'done', lundy: ['voice', 'voice'] }, false],
    [{ ...base, status: 'done', lundy: ['shouting'] }, false],
    [{ ...base, status: 'done', itemIds: [] }, false],
    [{ ...base, status: 'done', words: 'x'.repeat(2001) }, false],
    [{ ...base, status: 'done', progress: 101 }, false],
    [{ ...base, status: 'finished' }, false],
    [{ ...base, status: 'done', extra: 1 }, false],
    [{ ...base, status: 'done', doneOn: '2026-05-01' }, true],
    [{ ...base, status: 'cant', cantReason: 'No.', doneOn: '2026-05-01' }, false],
  ])('%j valid: %p', (body, valid) => {
    expect(ActionCreateRequestSchema.safeParse(body).success).toBe(valid);
  });

  it('names the missing field of a We will', () => {
    const result = ActionCreateRequestSchema.safeParse({ ...base, status: 'planned' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dueOn', 'ownerId']);
  });

  it('needs the time the officer last saw the action', () => {
    expect(ActionUpdateRequestSchema.safeParse({ status: 'done' }).success).toBe(false);
    expect(
      ActionUpdateRequestSchema.safeParse({ status: 'done', expectedUpdatedAt: '2026-05-01T10:00:00.000Z' })
        .success,
    ).toBe(true);
  });

  it('leaves out of a change what was not sent, and clears what was sent empty', () => {
    const parsed = ActionUpdateRequestSchema.parse({
      expectedUpdatedAt: '2026-05-01T10:00:00.000Z',
      evidence: '',
    });
    expect(parsed.youngWords).toBeUndefined();
    expect(parsed.cantReason).toBeUndefined();
    expect(parsed.evidence).toBeNull();
  });
});
