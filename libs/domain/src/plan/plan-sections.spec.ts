import {
  LUNDY_AREAS,
  LUNDY_QUESTIONS,
  LundyAnswer,
  PLAN_SECTIONS,
  PLAN_SECTION_KEYS,
  PlanCommitment,
  PlanContent,
  lastYearOf,
  planGaps,
  planSectionsFor,
} from './plan-sections';
import { EMPTY_PLAN_DOCUMENT, planDocumentOf } from './plan-text';

describe('the sections of a plan', () => {
  it.each([
    [1, ['individual_work', 'council_activity', 'lundy', 'commitments']],
    [2, ['individual_work', 'council_activity', 'last_year', 'lundy', 'commitments']],
    [7, ['individual_work', 'council_activity', 'last_year', 'lundy', 'commitments']],
  ])('plan year %i has %j', (year, keys) => {
    expect(planSectionsFor(year)).toEqual(keys);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a plan year of %p', (year) => {
    expect(() => planSectionsFor(year)).toThrow(RangeError);
  });

  it('gives A, B and C their letters, and drafts only C from the data', () => {
    expect(PLAN_SECTION_KEYS.map((k) => [PLAN_SECTIONS[k].letter, PLAN_SECTIONS[k].assembled])).toEqual([
      ['A', false],
      ['B', false],
      ['C', true],
      [null, false],
      [null, false],
    ]);
  });

  it.each([
    ['2026-04-01', { from: '2025-04-01', to: '2026-03-31' }],
    ['2026-01-01', { from: '2025-01-01', to: '2025-12-31' }],
    ['2028-02-29', { from: '2027-02-28', to: '2028-02-28' }],
    ['2025-03-01', { from: '2024-03-01', to: '2025-02-28' }],
    ['2024-03-01', { from: '2023-03-01', to: '2024-02-29' }],
  ])('a plan from %s reports on %j', (from, period) => {
    expect(lastYearOf(from)).toEqual(period);
  });
});

describe('the Lundy questions', () => {
  it('asks about each of Space, Voice, Audience and Influence', () => {
    expect([...new Set(LUNDY_QUESTIONS.map((q) => q.area))]).toEqual(LUNDY_AREAS);
  });

  it.each(LUNDY_AREAS.map((area) => [area, LUNDY_QUESTIONS.filter((q) => q.area === area).length]))(
    '%s has %i questions, each keyed under it',
    (area, count) => {
      expect(count).toBeGreaterThanOrEqual(4);
      for (const q of LUNDY_QUESTIONS.filter((x) => x.area === area))
        expect(q.key.startsWith(`${area}.`)).toBe(true);
    },
  );

  it('keys each question once, and ends each with a question mark', () => {
    expect(new Set(LUNDY_QUESTIONS.map((q) => q.key)).size).toBe(LUNDY_QUESTIONS.length);
    expect(LUNDY_QUESTIONS.every((q) => q.question.endsWith('?'))).toBe(true);
  });
});

describe('what stops a plan going to young people', () => {
  const words = planDocumentOf('We meet every month.');
  const period = { from: '2026-04-01', to: '2027-03-31' };
  const sections = (keys: readonly string[]) =>
    keys.map((key) => ({
      key: key as PlanContent['sections'][number]['key'],
      professional: words,
      childFriendly: words,
    }));
  const answered: LundyAnswer[] = LUNDY_QUESTIONS.map((q) => ({
    questionKey: q.key,
    answer: 'Mostly, but not yet for the youngest.',
    evidence: [
      { words: 'Twelve sessions of the Juniors.', reference: { kind: 'activity_days', ids: ['o1'] } },
    ],
  }));
  const commitment: PlanCommitment = {
    words: 'Every child in care is invited to chair their review.',
    childWords: 'We will ask you if you want to run your own review meeting.',
    ownerId: 'leader-1',
    dueOn: '2026-12-31',
    themeId: null,
  };
  const READY: PlanContent = {
    yearOfPlan: 2,
    period,
    sections: sections(planSectionsFor(2)),
    lundy: answered,
    commitments: [commitment],
  };
  const paths = (plan: PlanContent) => planGaps(plan).map((g) => g.path);

  it('finds nothing in a whole plan', () => {
    expect(planGaps(READY)).toEqual([]);
    expect(planGaps({ ...READY, yearOfPlan: 1, sections: sections(planSectionsFor(1)) })).toEqual([]);
  });

  it.each<[string, Partial<PlanContent>, string[]]>([
    [
      'a child-friendly text left empty',
      {
        sections: [
          ...sections(['individual_work', 'council_activity', 'lundy', 'commitments']),
          { key: 'last_year', professional: words, childFriendly: planDocumentOf('   ') },
        ],
      },
      ['sections.last_year.childFriendly'],
    ],
    [
      'a professional text never written',
      {
        sections: [
          ...sections(['individual_work', 'last_year', 'lundy', 'commitments']),
          { key: 'council_activity', professional: EMPTY_PLAN_DOCUMENT, childFriendly: words },
        ],
      },
      ['sections.council_activity.professional'],
    ],
    [
      'a missing section',
      { sections: sections(['individual_work', 'council_activity', 'lundy', 'commitments']) },
      ['sections.last_year.professional', 'sections.last_year.childFriendly'],
    ],
    ['section C in a first plan', { yearOfPlan: 1 }, ['sections.last_year']],
    ['an unanswered question', { lundy: answered.slice(1) }, [`lundy.${LUNDY_QUESTIONS[0].key}.answer`]],
    [
      'a blank answer',
      { lundy: answered.map((a, i) => (i === 2 ? { ...a, answer: '  ' } : a)) },
      [`lundy.${LUNDY_QUESTIONS[2].key}.answer`],
    ],
    [
      'an answer without evidence',
      { lundy: answered.map((a, i) => (i === 3 ? { ...a, evidence: [] } : a)) },
      [`lundy.${LUNDY_QUESTIONS[3].key}.evidence`],
    ],
    [
      'evidence with no words',
      {
        lundy: answered.map((a, i) => (i === 4 ? { ...a, evidence: [{ words: ' ', reference: null }] } : a)),
      },
      [`lundy.${LUNDY_QUESTIONS[4].key}.evidence`],
    ],
    ['no commitments', { commitments: [] }, ['commitments']],
    ['a commitment without words', { commitments: [{ ...commitment, words: ' ' }] }, ['commitments.0.words']],
    [
      'a commitment without child-friendly words',
      { commitments: [commitment, { ...commitment, childWords: '' }] },
      ['commitments.1.childWords'],
    ],
    [
      'a commitment without an owner',
      { commitments: [{ ...commitment, ownerId: null }] },
      ['commitments.0.ownerId'],
    ],
    [
      'a commitment without a date',
      { commitments: [{ ...commitment, dueOn: null }] },
      ['commitments.0.dueOn'],
    ],
    [
      'a commitment due before the plan',
      { commitments: [{ ...commitment, dueOn: '2026-03-31' }] },
      ['commitments.0.dueOn'],
    ],
    [
      'a commitment due after the plan',
      { commitments: [{ ...commitment, dueOn: '2027-04-01' }] },
      ['commitments.0.dueOn'],
    ],
    [
      'a commitment due on the plan’s last day',
      { commitments: [{ ...commitment, dueOn: '2027-03-31' }] },
      [],
    ],
  ])('%s', (_, change, expected) => {
    expect(paths({ ...READY, ...change })).toEqual(expected);
  });

  it('says what is missing in words', () => {
    expect(
      planGaps({ ...READY, commitments: [{ ...commitment, ownerId: null }], lundy: answered.slice(1) }),
    ).toEqual([
      { path: `lundy.${LUNDY_QUESTIONS[0].key}.answer`, message: `Answer “${LUNDY_QUESTIONS[0].question}”` },
      { path: 'commitments.0.ownerId', message: 'Choose who will do it.' },
    ]);
  });
});
