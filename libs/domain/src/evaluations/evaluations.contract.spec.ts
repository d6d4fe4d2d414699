import {
  EvaluationEntryRequestSchema,
  EvaluationRoundRequestSchema,
  IdempotencyKeySchema,
  LinkEvaluationRequestSchema,
} from './evaluations.contract';
import { DEFAULT_QUESTIONS, MAX_ANSWER_LENGTH, MAX_QUESTIONS } from './evaluation-rules';

const VERSION = '7d3f1c2e-9a4b-4c5d-8e6f-0a1b2c3d4e5f';
const PERSON = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';

const round = (overrides: Record<string, unknown> = {}) => ({
  toolVersionId: VERSION,
  title: 'Spring activity day',
  opensOn: '2026-05-01',
  closesOn: '2026-05-31',
  audience: 'link',
  ...overrides,
});

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('EvaluationRoundRequestSchema', () => {
  it('should fill in the default questions and an online round', () => {
    const parsed = EvaluationRoundRequestSchema.parse(round());
    expect(parsed.questions).toEqual(DEFAULT_QUESTIONS);
    expect(parsed.occasion).toBeNull();
    expect(parsed.youngPersonIds).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['closing before it opens', { closesOn: '2026-04-30' }, 'closesOn'],
    ['a group round with no group', { audience: 'group' }, 'groupId'],
    ['a link round naming a group', { groupId: PERSON }, 'groupId'],
    ['a named round with nobody named', { audience: 'named' }, 'youngPersonIds'],
    ['a link round naming people', { youngPersonIds: [PERSON] }, 'youngPersonIds'],
    ['the same person twice', { audience: 'named', youngPersonIds: [PERSON, PERSON] }, 'youngPersonIds'],
    ['no questions', { questions: [] }, 'questions'],
    [
      'too many questions',
      {
        questions: Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => ({
          key: `q${i}`,
          kind: 'open',
          prompt: 'Why?',
        })),
      },
      'questions',
    ],
    [
      'two questions with one key',
      {
        questions: [
          { key: 'a', kind: 'open', prompt: 'Why?' },
          { key: 'a', kind: 'rating', prompt: 'How?' },
        ],
      },
      'questions',
    ],
    [
      'a question of an unknown kind',
      { questions: [{ key: 'a', kind: 'slider', prompt: 'How?' }] },
      'questions.0.kind',
    ],
    [
      'a review meeting as its occasion',
      { occasion: { kind: 'review_meeting', id: PERSON } },
      'occasion.kind',
    ],
    ['an unknown field', { colour: 'blue' }, ''],
  ])('should refuse %s', (_label, overrides, path) => {
    expect(paths(EvaluationRoundRequestSchema.safeParse(round(overrides)))).toContain(path);
  });
});

describe('EvaluationEntryRequestSchema', () => {
  const entry = (overrides: Record<string, unknown> = {}) => ({
    youngPersonId: PERSON,
    answeredOn: '2026-05-02',
    answers: [{ questionKey: 'overall', rating: 4 }],
    ...overrides,
  });

  it('should keep HTML as the text it is', () => {
    const parsed = EvaluationEntryRequestSchema.parse(
      entry({ answers: [{ questionKey: 'liked', text: '<script>alert(1)</script>' }] }),
    );
    expect(parsed.answers[0]).toEqual({
      questionKey: 'liked',
      rating: null,
      text: '<script>alert(1)</script>',
    });
    expect(parsed.pictureMode).toBe(false);
    expect(parsed.helpedBy).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a rating of 0', { answers: [{ questionKey: 'overall', rating: 0 }] }, 'answers.0.rating'],
    ['a rating of 6', { answers: [{ questionKey: 'overall', rating: 6 }] }, 'answers.0.rating'],
    ['a rating of 2.5', { answers: [{ questionKey: 'overall', rating: 2.5 }] }, 'answers.0.rating'],
    [
      'an answer too long',
      { answers: [{ questionKey: 'liked', text: 'a'.repeat(MAX_ANSWER_LENGTH + 1) }] },
      'answers.0.text',
    ],
    ['no answers', { answers: [] }, 'answers'],
    ['a date that is not a day', { answeredOn: '2026-02-30' }, 'answeredOn'],
    [
      'an unknown field on an answer',
      { answers: [{ questionKey: 'overall', rating: 3, mood: 'x' }] },
      'answers.0',
    ],
  ])('should refuse %s', (_label, overrides, path) => {
    expect(paths(EvaluationEntryRequestSchema.safeParse(entry(overrides)))).toContain(path);
  });

  it('should take an answer of exactly the longest length', () => {
    const text = 'a'.repeat(MAX_ANSWER_LENGTH);
    expect(
      EvaluationEntryRequestSchema.parse(entry({ answers: [{ questionKey: 'liked', text }] })).answers[0]
        .text,
    ).toBe(text);
  });
});

describe('LinkEvaluationRequestSchema', () => {
  it('should refuse anything that would say who answered', () => {
    expect(
      LinkEvaluationRequestSchema.safeParse({
        youngPersonId: PERSON,
        answers: [{ questionKey: 'a', rating: 3 }],
      }).success,
    ).toBe(false);
  });
});

describe('IdempotencyKeySchema', () => {
  it.each([
    ['2f1e0d9c-8b7a-4654-a321-0fedcba98765', true],
    ['not-a-uuid', false],
    ['', false],
  ])('%p is a key: %p', (value, ok) => {
    expect(IdempotencyKeySchema.safeParse(value).success).toBe(ok);
  });
});
