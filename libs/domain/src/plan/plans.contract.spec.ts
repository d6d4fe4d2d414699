import {
  MAX_PLAN_COMMITMENTS,
  PlanCommitmentsRequestSchema,
  PlanCompareQuerySchema,
  PlanCorrectionRequestSchema,
  PlanMoveRequestSchema,
  PlanSectionRequestSchema,
  planPeriodOfYear,
} from './plans.contract';

const at = '2026-05-01T10:00:00.000Z';
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describe('a plan’s period', () => {
  it.each([
    [2026, { from: '2026-04-01', to: '2027-03-31' }],
    [2027, { from: '2027-04-01', to: '2028-03-31' }],
  ])('the %i plan runs April to March', (year, period) => {
    expect(planPeriodOfYear(year)).toEqual(period);
  });
});

describe('the plan’s requests', () => {
  it.each<[string, object, boolean]>([
    [
      'both texts',
      { expectedUpdatedAt: at, professional: { blocks: [paragraph('A.')] }, childFriendly: { blocks: [] } },
      true,
    ],
    ['no expectedUpdatedAt', { professional: { blocks: [] }, childFriendly: { blocks: [] } }, false],
    [
      'HTML for a block',
      {
        expectedUpdatedAt: at,
        professional: { blocks: [{ type: 'html', html: '<b>' }] },
        childFriendly: { blocks: [] },
      },
      false,
    ],
    ['a text left out', { expectedUpdatedAt: at, professional: { blocks: [] } }, false],
  ])('a section with %s: valid %s', (_, body, valid) => {
    expect(PlanSectionRequestSchema.safeParse(body).success).toBe(valid);
  });

  it('bounds the commitments', () => {
    const one = { words: 'Ask.', childWords: 'We will ask.' };
    const list = (n: number) => ({
      expectedUpdatedAt: at,
      commitments: Array.from({ length: n }, () => one),
    });
    expect(PlanCommitmentsRequestSchema.safeParse(list(MAX_PLAN_COMMITMENTS)).success).toBe(true);
    expect(PlanCommitmentsRequestSchema.safeParse(list(MAX_PLAN_COMMITMENTS + 1)).success).toBe(false);
  });

  it('takes a move to a known status only, and an empty reason as none', () => {
    expect(
      PlanMoveRequestSchema.parse({ expectedUpdatedAt: at, to: 'scrutiny', reason: ' ' }).reason,
    ).toBeNull();
    expect(PlanMoveRequestSchema.safeParse({ expectedUpdatedAt: at, to: 'gone' }).success).toBe(false);
  });

  it('bounds a correction’s note', () => {
    expect(PlanCorrectionRequestSchema.safeParse({ whatChanged: 'x'.repeat(500) }).success).toBe(true);
    expect(PlanCorrectionRequestSchema.safeParse({ whatChanged: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('comparing two versions', () => {
  const a = '0b7c1a2e-1d2c-4c3b-8a9d-1e2f3a4b5c6d';
  const b = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  it.each<[string, object, string | null]>([
    ['two versions', { before: a, after: b }, null],
    ['the newer first', { before: b, after: a }, null],
    ['one version twice', { before: a, after: a }, 'after'],
    ['no version after', { before: a }, 'after'],
    ['an id that is not one', { before: 'not-an-id', after: b }, 'before'],
    ['something else asked', { before: a, after: b, also: a }, 'also'],
  ])('%s', (_, query, wrong) => {
    const parsed = PlanCompareQuerySchema.safeParse(query);
    expect(parsed.success).toBe(wrong === null);
    // An unknown field is named by the issue's keys, every other mistake by its path.
    const named = parsed.error?.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys : [i.path.join('.')],
    );
    if (wrong !== null) expect(named).toContain(wrong);
  });
});
