import { REVIEW_PARTICIPATION_CODES, ReviewParticipationCode } from '../plan/plan-assembly';
import {
  CODES_WITHOUT_CHAIRING,
  REVIEW_NOTE_MAX,
  ReviewParticipationFacts,
  ReviewParticipationRequestSchema,
  mayHaveChaired,
  reviewParticipationProblems,
} from './review-participation';

const TODAY = '2026-12-07';
const ok: ReviewParticipationFacts = { heldOn: '2026-11-20', code: 'PN1', chaired: false };

describe('reviewParticipationProblems', () => {
  it.each<[string, Partial<ReviewParticipationFacts>, Record<string, RegExp>]>([
    ['a meeting held earlier this year', {}, {}],
    ['a meeting held today', { heldOn: TODAY }, {}],
    ['a meeting on the first day Heard takes', { heldOn: '2000-01-01' }, {}],
    ['a meeting tomorrow', { heldOn: '2026-12-08' }, { heldOn: /not a day to come/ }],
    ['a meeting before 2000', { heldOn: '1999-12-31' }, { heldOn: /1 January 2000/ }],
    ['chaired with PN1', { code: 'PN1', chaired: true }, {}],
    ['chaired with PN2', { code: 'PN2', chaired: true }, {}],
    ['chaired with PN3', { code: 'PN3', chaired: true }, {}],
    ['chaired with PN6', { code: 'PN6', chaired: true }, {}],
    ['chaired with PN4 (did not attend)', { code: 'PN4', chaired: true }, { chaired: /PN4 says/ }],
    ['chaired with PN5 (did not attend)', { code: 'PN5', chaired: true }, { chaired: /PN5 says/ }],
    ['chaired with PN7 (did not take part)', { code: 'PN7', chaired: true }, { chaired: /PN7 says/ }],
    ['chaired with PN8 (could not take part)', { code: 'PN8', chaired: true }, { chaired: /PN8 says/ }],
    ['PN8, not chaired', { code: 'PN8', chaired: false }, {}],
    [
      'a future meeting the young person cannot have chaired',
      { heldOn: '2027-01-01', code: 'PN7', chaired: true },
      { heldOn: /day to come/, chaired: /PN7/ },
    ],
  ])('%s', (_name, change, expected) => {
    const problems = reviewParticipationProblems({ ...ok, ...change }, TODAY);
    expect(Object.keys(problems).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, pattern] of Object.entries(expected))
      expect(problems[field as keyof ReviewParticipationFacts]).toMatch(pattern);
  });

  it('lets a young person chair exactly when their code says they came', () => {
    const chairable = REVIEW_PARTICIPATION_CODES.filter((c: ReviewParticipationCode) => mayHaveChaired(c));
    expect(chairable).toEqual(['PN1', 'PN2', 'PN3', 'PN6']);
    expect([...chairable, ...CODES_WITHOUT_CHAIRING].sort()).toEqual([...REVIEW_PARTICIPATION_CODES]);
  });
});

describe('ReviewParticipationRequestSchema', () => {
  const valid = { heldOn: '2026-11-20', code: 'PN3', chaired: true, note: '  Chaired with help  ' };

  it('takes a full record, trimming the note', () => {
    expect(ReviewParticipationRequestSchema.parse(valid)).toEqual({ ...valid, note: 'Chaired with help' });
  });

  it('reads an empty or absent note as none', () => {
    expect(ReviewParticipationRequestSchema.parse({ ...valid, note: '' }).note).toBeNull();
    const withoutNote = { heldOn: valid.heldOn, code: valid.code, chaired: valid.chaired };
    expect(ReviewParticipationRequestSchema.parse(withoutNote).note).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown code', { code: 'PN9' }, 'code'],
    ['a code in lower case', { code: 'pn1' }, 'code'],
    ['no code', { code: undefined }, 'code'],
    ['no date', { heldOn: undefined }, 'heldOn'],
    ['a date that is not a day', { heldOn: '2026-02-30' }, 'heldOn'],
    ['chaired as a word', { chaired: 'yes' }, 'chaired'],
    ['no chaired', { chaired: undefined }, 'chaired'],
    ['a note too long', { note: 'x'.repeat(REVIEW_NOTE_MAX + 1) }, 'note'],
  ])('refuses %s', (_name, change, field) => {
    const result = ReviewParticipationRequestSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('refuses unknown fields', () => {
    expect(ReviewParticipationRequestSchema.safeParse({ ...valid, youngPersonId: 'x' }).success).toBe(false);
  });

  it('takes a note of exactly the limit', () => {
    expect(
      ReviewParticipationRequestSchema.parse({ ...valid, note: 'x'.repeat(REVIEW_NOTE_MAX) }).note,
    ).toHaveLength(REVIEW_NOTE_MAX);
  });
});
