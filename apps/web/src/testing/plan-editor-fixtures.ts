import {
  EMPTY_PLAN_DOCUMENT,
  assemblePlanFigures,
  draftLastYear,
  planDocumentFromMarkup,
} from '@heard/domain';
import type {
  PlanAssemblyInput,
  PlanCommentsResponse,
  PlanFiguresResponse,
  PlanSectionKey,
  PlanVersionResponse,
} from '@heard/domain';

export const PLAN_ID = '6d1b0a52-0000-4000-8000-000000000001';
export const VERSION_ID = '6d1b0a52-0000-4000-8000-000000000002';
export const EARLIER_VERSION_ID = '6d1b0a52-0000-4000-8000-000000000003';
export const OWNER = { id: '6d1b0a52-0000-4000-8000-000000000009', displayName: 'Priya Okafor' };

/** A version of the second year's plan (so it has section C), in draft, with one section written. */
export function planVersion(overrides: Partial<PlanVersionResponse> = {}): PlanVersionResponse {
  const sectionKeys: PlanSectionKey[] = [
    'individual_work',
    'council_activity',
    'last_year',
    'lundy',
    'commitments',
  ];
  return {
    id: VERSION_ID,
    planId: PLAN_ID,
    year: 2026,
    yearOfPlan: 2,
    period: { from: '2026-04-01', to: '2027-03-31' },
    status: 'draft',
    number: null,
    whatChanged: null,
    publishedAt: null,
    sections: sectionKeys.map((key) =>
      key === 'individual_work'
        ? {
            key,
            professional: planDocumentFromMarkup('## At reviews\n\nWe ask *every* child.'),
            childFriendly: planDocumentFromMarkup('We ask you.'),
          }
        : { key, professional: EMPTY_PLAN_DOCUMENT, childFriendly: EMPTY_PLAN_DOCUMENT },
    ),
    lundy: [
      {
        questionKey: 'space.asked',
        answer: 'Yes, at every forum.',
        evidence: [{ words: 'Forum notes.', reference: null }],
      },
    ],
    commitments: [
      {
        words: 'Rewrite the review letters.',
        childWords: 'We will make our letters easier to read.',
        owner: OWNER,
        dueOn: '2026-09-30',
        themeId: null,
        actionId: null,
      },
    ],
    moves: [],
    gaps: [
      {
        path: 'sections.council_activity.professional',
        message: 'Write “Children and young people taking part in the council’s work”.',
      },
      {
        path: 'lundy.space.resourced.answer',
        message: 'Answer “Do we give young people’s participation enough time, people and money?”',
      },
      { path: 'commitments.0.themeId', message: 'Choose a theme.' },
    ],
    nextMoves: ['scrutiny'],
    createdAt: '2026-04-02T09:00:00.000Z',
    updatedAt: '2026-04-02T09:00:00.000Z',
    ...overrides,
  };
}

export function planComments(overrides: Partial<PlanCommentsResponse> = {}): PlanCommentsResponse {
  return {
    versionId: VERSION_ID,
    status: 'scrutiny',
    mayReply: true,
    sections: [
      {
        key: 'individual_work',
        childFriendly: planDocumentFromMarkup('We ask you.'),
        comments: [
          {
            id: 'comment-1',
            section: 'individual_work',
            words: 'Nobody asked me at my review and I felt scared.',
            at: '2026-05-01T10:00:00.000Z',
            reply: null,
            wordsToCheck: ['scared'],
          },
        ],
      },
    ],
    ...overrides,
  };
}

const ZERO = { couldTakePart: 0, invited: 0, came: 0, evaluated: 0, spoke: 0 };

/** Section C's figures, assembled by the real rules from a small year. */
export function planFigures(): PlanFiguresResponse {
  const input: PlanAssemblyInput = {
    period: { from: '2025-04-01', to: '2026-03-31' },
    actions: { byTheme: [], total: { done: 13, open: 1, cant: 2 } },
    loops: { closed: 11, notClosed: 1 },
    pledges: [],
    practiceTools: [{ toolId: 't1', name: 'Who’s who', evaluatedBy: 3, whatChanged: 'Bigger photos.' }],
    activityDays: [],
    groups: [],
    reach: { total: { ...ZERO, couldTakePart: 80, came: 24 }, rows: [] },
    reviews: [],
  };
  const figures = assemblePlanFigures(input);
  return { planId: PLAN_ID, year: 2026, period: input.period, figures, draft: draftLastYear(figures) };
}
