import { ReachCounts } from '../reach/reach';
import { SMALL_NUMBER_THRESHOLD } from '../shared/small-numbers';
import { ServiceExperienceKind } from '../young-people/service-experience';
import {
  PlanAssemblyInput,
  PlanFigure,
  REVIEW_PARTICIPATION_CODES,
  assemblePlanFigures,
} from './plan-assembly';

const period = { from: '2025-04-01', to: '2026-03-31' };
const ZERO: ReachCounts = { couldTakePart: 0, invited: 0, came: 0, evaluated: 0, spoke: 0 };

const EMPTY: PlanAssemblyInput = {
  period,
  actions: { byTheme: [], total: { done: 0, open: 0, cant: 0 } },
  loops: { closed: 0, notClosed: 0 },
  pledges: [],
  practiceTools: [],
  activityDays: [],
  groups: [],
  reach: { total: ZERO, rows: [] },
  reviews: [],
};

const YEAR: PlanAssemblyInput = {
  period,
  actions: {
    byTheme: [
      { themeId: 't-transparency', label: 'Transparency', done: 12, open: 3, cant: 1 },
      { themeId: null, label: null, done: 2, open: 0, cant: 0 },
    ],
    total: { done: 13, open: 3, cant: 1 },
  },
  loops: { closed: 11, notClosed: 2 },
  pledges: [
    {
      pledgeId: 'p1',
      status: 'active',
      leaderRag: 'green',
      verdicts: ['kept', 'kept', 'partly', 'kept', 'kept'],
    },
    { pledgeId: 'p2', status: 'active', leaderRag: 'green', verdicts: ['not_kept', 'partly'] },
    { pledgeId: 'p3', status: 'completed', leaderRag: 'amber', verdicts: [] },
    { pledgeId: 'p4', status: 'withdrawn', leaderRag: null, verdicts: [] },
  ],
  practiceTools: [
    {
      toolId: 'roles-index',
      name: 'Who’s who',
      evaluatedBy: 9,
      whatChanged: '  Bigger photos of each worker. ',
    },
    { toolId: 'animation', name: 'Conference animation', evaluatedBy: 3, whatChanged: 'A slower voice.' },
    { toolId: 'this-is-me', name: 'This is Me', evaluatedBy: 0, whatChanged: null },
    { toolId: 'summaries', name: 'Co-produced summaries', evaluatedBy: 6, whatChanged: '   ' },
  ],
  activityDays: [
    {
      occasionId: 'bowling',
      title: 'Bowling',
      date: '2025-08-12',
      funnel: { invited: 12, accepted: 6, attended: 1 },
    },
    {
      occasionId: 'karting',
      title: 'Go-karting',
      date: '2025-10-28',
      funnel: { invited: 20, accepted: 11, attended: 9 },
    },
  ],
  groups: [
    { groupId: 'g-cicc', name: 'Children in Care Council', youngPeople: 14 },
    { groupId: 'g-juniors', name: 'Juniors', youngPeople: 3 },
    { groupId: 'g-seniors', name: 'Seniors', youngPeople: 8 },
  ],
  reach: {
    total: { couldTakePart: 200, invited: 60, came: 24, evaluated: 18, spoke: 30 },
    rows: [
      {
        dimension: 'ageBand',
        group: '10-12',
        counts: { couldTakePart: 40, invited: 10, came: 3, evaluated: 2, spoke: 4 },
      },
      {
        dimension: 'ageBand',
        group: '13-15',
        counts: { couldTakePart: 80, invited: 30, came: 12, evaluated: 10, spoke: 16 },
      },
      {
        dimension: 'ageBand',
        group: '16-17',
        counts: { couldTakePart: 50, invited: 15, came: 9, evaluated: 6, spoke: 10 },
      },
      {
        dimension: 'ageBand',
        group: '18-25',
        counts: { couldTakePart: 30, invited: 5, came: 0, evaluated: 0, spoke: 0 },
      },
      {
        dimension: 'serviceExperience',
        group: ServiceExperienceKind.LookedAfter,
        counts: { couldTakePart: 120, invited: 40, came: 20, evaluated: 15, spoke: 25 },
      },
    ],
  },
  reviews: [
    { code: 'PN1', reviews: 40, chaired: 6 },
    { code: 'PN5', reviews: 12, chaired: 0 },
    { code: 'PN7', reviews: 2, chaired: 0 },
  ],
};

/** Every figure anywhere in the result, however deep. */
function allFigures(value: unknown): PlanFigure[] {
  if (Array.isArray(value)) return value.flatMap(allFigures);
  if (value === null || typeof value !== 'object') return [];
  if ('ofYoungPeople' in value && 'counts' in value) return [value as PlanFigure];
  return Object.values(value).flatMap(allFigures);
}

describe('section C’s figures', () => {
  const figures = assemblePlanFigures(YEAR);

  it.each([
    ['an empty year', EMPTY],
    ['a year of work', YEAR],
  ])('%s never shows a count of one to four young people', (_, input) => {
    const all = allFigures(assemblePlanFigures(input));
    expect(all.length).toBeGreaterThan(0);
    for (const f of all.filter((f) => f.ofYoungPeople)) {
      expect(f.value === null || f.value === 0 || f.value >= SMALL_NUMBER_THRESHOLD).toBe(true);
      if (f.value === null) expect(f.fewYoungPeople).toBe(true);
    }
  });

  it('says a year with nothing recorded is empty, with its counts at nought and no reviews', () => {
    const empty = assemblePlanFigures(EMPTY);
    expect(empty.empty).toBe(true);
    expect(empty.reviews).toBeNull();
    expect(empty.practiceTools).toEqual([]);
    expect(empty.actions.byTheme).toEqual([]);
    expect(allFigures(empty).every((f) => f.value === 0 && !f.fewYoungPeople)).toBe(true);
    expect(figures.empty).toBe(false);
  });

  it.each<[string, Partial<PlanAssemblyInput>]>([
    ['one action done', { actions: { byTheme: [], total: { done: 1, open: 0, cant: 0 } } }],
    ['one loop closed', { loops: { closed: 1, notClosed: 0 } }],
    ['one pledge', { pledges: [{ pledgeId: 'p', status: 'active', leaderRag: null, verdicts: [] }] }],
    ['one evaluation', { practiceTools: [{ toolId: 't', name: 'T', evaluatedBy: 1, whatChanged: null }] }],
    [
      'one activity day',
      {
        activityDays: [
          {
            occasionId: 'o',
            title: 'O',
            date: '2025-05-01',
            funnel: { invited: 0, accepted: 0, attended: 0 },
          },
        ],
      },
    ],
    ['one young person at a group', { groups: [{ groupId: 'g', name: 'G', youngPeople: 1 }] }],
    ['one young person invited', { reach: { total: { ...ZERO, couldTakePart: 9, invited: 1 }, rows: [] } }],
    ['one review', { reviews: [{ code: 'PN8', reviews: 1, chaired: 0 }] }],
  ])('a year with only %s is not empty', (_, change) => {
    expect(assemblePlanFigures({ ...EMPTY, ...change }).empty).toBe(false);
  });

  it('counts actions by theme whole, each linked to its query', () => {
    expect(figures.actions.byTheme.map((t) => [t.label, t.done.value, t.open.value, t.cant.value])).toEqual([
      ['Transparency', 12, 3, 1],
      ['No theme', 2, 0, 0],
    ]);
    expect(figures.actions.byTheme[0].cant).toEqual({
      label: 'We can’t',
      value: 1,
      ofYoungPeople: false,
      fewYoungPeople: false,
      counts: { kind: 'actions', period, answer: 'cant', theme: { id: 't-transparency' } },
    });
    expect(figures.actions.byTheme[1].done.counts).toEqual({
      kind: 'actions',
      period,
      answer: 'done',
      theme: { id: null },
    });
    expect(figures.actions.total.done).toMatchObject({
      value: 13,
      counts: { kind: 'actions', period, answer: 'done' },
    });
    expect(figures.actions.total.done.counts).not.toHaveProperty('theme');
  });

  it('counts loops closed and not closed', () => {
    expect(figures.loops.closed).toMatchObject({
      value: 11,
      counts: { kind: 'loops', period, closed: true },
    });
    expect(figures.loops.notClosed).toMatchObject({
      value: 2,
      counts: { kind: 'loops', period, closed: false },
    });
  });

  it.each([
    ['green', 'green', 1, ['p1'], false],
    ['green', 'red', 1, ['p2'], true],
    ['amber', null, 1, ['p3'], false],
    [null, null, 1, ['p4'], false],
    ['red', 'red', 0, [], false],
    ['green', 'amber', 0, [], false],
  ] as const)(
    'pledges rated %s by the leader and %s by young people: %i',
    (leader, young, count, ids, few) => {
      const cell = figures.pledges.byRags.find((c) => c.leader === leader && c.youngPeople === young);
      expect(cell?.figure).toMatchObject({
        value: count,
        fewYoungPeople: few,
        counts: { kind: 'pledges', ids },
      });
    },
  );

  it('has a cell for every pair of ratings, and flags where the two sides differ', () => {
    expect(figures.pledges.byRags).toHaveLength(16);
    expect(figures.pledges.total).toMatchObject({ value: 4, fewYoungPeople: true });
    expect(figures.pledges.flagged).toMatchObject({
      value: 1,
      fewYoungPeople: true,
      counts: { ids: ['p2'] },
    });
  });

  it.each([
    ['roles-index', 9, false, 'Bigger photos of each worker.'],
    ['animation', null, true, 'A slower voice.'],
    ['summaries', 6, false, null],
  ] as const)('the practice tool %s: evaluated by %p, resting on few %s', (toolId, value, few, changed) => {
    const tool = figures.practiceTools.find((t) => t.toolId === toolId);
    expect(tool?.evaluatedBy).toMatchObject({
      value,
      fewYoungPeople: few,
      counts: { kind: 'practice_tool_evaluations', period, toolId },
    });
    expect(tool?.whatChanged).toBe(changed);
  });

  it('leaves out tools nobody evaluated', () => {
    expect(figures.practiceTools.map((t) => t.toolId)).not.toContain('this-is-me');
  });

  it('shows the funnel of the year whole and withholds a day’s small stage and the one that would give it away', () => {
    const stages = (f: Record<'invited' | 'accepted' | 'attended', PlanFigure>) => [
      f.invited.value,
      f.accepted.value,
      f.attended.value,
    ];
    expect(figures.activityDays.held).toMatchObject({
      value: 2,
      counts: { kind: 'activity_days', ids: ['bowling', 'karting'] },
    });
    expect(stages(figures.activityDays.funnel)).toEqual([32, 17, 10]);
    expect(stages(figures.activityDays.days[0].funnel)).toEqual([12, 6, null]);
    expect(stages(figures.activityDays.days[1].funnel)).toEqual([20, 11, null]);
    expect(figures.activityDays.days[0].funnel.attended.counts).toEqual({
      kind: 'invitations',
      occasionIds: ['bowling'],
      stage: 'attended',
    });
  });

  it('counts young people taking part by group, withholding small groups and the next smallest', () => {
    expect(figures.takingPart.total).toMatchObject({
      value: 24,
      counts: { kind: 'reach', period, stage: 'came' },
    });
    expect(
      figures.takingPart.byGroup.map((g) => [g.groupId, g.figure.value, g.figure.fewYoungPeople]),
    ).toEqual([
      ['g-cicc', 14, false],
      ['g-juniors', null, true],
      ['g-seniors', null, true],
    ]);
    expect(figures.takingPart.byGroup[0].figure.counts).toEqual({
      kind: 'group_attendance',
      period,
      groupId: 'g-cicc',
    });
  });

  it('takes age bands and service experience from reach, withheld the same way there', () => {
    const byBand = figures.takingPart.byAgeBand.map((f) => [f.label, f.value]);
    expect(byBand).toEqual([
      ['10 to 12', null],
      ['13 to 15', 12],
      ['16 to 17', null],
      ['18 to 25', 0],
      ['Other ages', 0],
    ]);
    const reachBand = figures.reach.table.tables.find((t) => t.dimension === 'ageBand');
    expect(reachBand?.rows.map((r) => r.counts.came)).toEqual(
      figures.takingPart.byAgeBand.map((f) => f.value),
    );
    expect(figures.takingPart.byAgeBand[1].counts).toEqual({
      kind: 'reach',
      period,
      stage: 'came',
      dimension: 'ageBand',
      group: '13-15',
    });
    expect(figures.takingPart.byServiceExperience.find((f) => f.label === 'Looked after')?.value).toBe(20);
    expect(figures.reach.counts).toEqual({ kind: 'reach', period });
    expect(figures.reach.table.total.couldTakePart).toBe(200);
  });

  it('shows review participation by code, withholding a small code and the one that would give it away', () => {
    const reviews = figures.reviews;
    expect(reviews?.byCode.map((c) => c.code)).toEqual(REVIEW_PARTICIPATION_CODES);
    expect(reviews?.byCode.map((c) => c.figure.value)).toEqual([40, 0, 0, 0, null, 0, null, 0]);
    expect(reviews?.recorded).toMatchObject({ value: 54, counts: { kind: 'review_participation', period } });
    expect(reviews?.chaired).toMatchObject({
      value: 6,
      counts: { kind: 'review_participation', period, chaired: true },
    });
    expect(reviews?.byCode[0].figure.counts).toEqual({ kind: 'review_participation', period, code: 'PN1' });
    expect(reviews?.byCode[0].figure.label).toMatch(
      /^PN1: Came to their review and gave their views in words$/,
    );
  });

  it.each([
    [
      'two reviews in all',
      [{ code: 'PN1', reviews: 2, chaired: 1 }],
      [null, 0, 0, 0, 0, 0, 0, 0],
      null,
      null,
    ],
    ['only zero rows', [{ code: 'PN2', reviews: 0, chaired: 0 }], null, null, null],
  ] as const)('reviews: %s', (_, rows, byCode, recorded, chaired) => {
    const reviews = assemblePlanFigures({ ...EMPTY, reviews: rows }).reviews;
    if (byCode === null) expect(reviews).toBeNull();
    else {
      expect(reviews?.byCode.map((c) => c.figure.value)).toEqual(byCode);
      expect(reviews?.recorded.value).toBe(recorded);
      expect(reviews?.chaired.value).toBe(chaired);
    }
  });
});
