import {
  MAX_PLAN_COMMENT,
  MAX_PLAN_REPLY,
  MyPlanCommentRequestSchema,
  PlanCommentReplyRequestSchema,
} from './plan-comments.contract';

const versionId = '0b6f3d2e-6f4a-4c1e-9d3b-2f1a0c9e8b7a';

describe('a young expert’s comment on the plan', () => {
  it.each<[string, object, boolean]>([
    ['a comment on a section', { versionId, section: 'commitments', words: 'Say when.' }, true],
    ['words at the limit', { versionId, section: 'lundy', words: 'x'.repeat(MAX_PLAN_COMMENT) }, true],
    ['words over the limit', { versionId, section: 'lundy', words: 'x'.repeat(MAX_PLAN_COMMENT + 1) }, false],
    ['only spaces', { versionId, section: 'lundy', words: '   ' }, false],
    ['no words', { versionId, section: 'lundy' }, false],
    ['an unknown section', { versionId, section: 'nope', words: 'Hi.' }, false],
    ['no version', { section: 'lundy', words: 'Hi.' }, false],
    ['a version that is not an id', { versionId: 'v1', section: 'lundy', words: 'Hi.' }, false],
    ['a field of its own', { versionId, section: 'lundy', words: 'Hi.', name: 'Kai' }, false],
  ])('%s', (_, body, valid) => {
    expect(MyPlanCommentRequestSchema.safeParse(body).success).toBe(valid);
  });

  it('keeps the words as typed, trimmed', () => {
    expect(
      MyPlanCommentRequestSchema.parse({ versionId, section: 'lundy', words: '  <b>Hi</b>  ' }).words,
    ).toBe('<b>Hi</b>');
  });
});

describe('an officer’s reply', () => {
  it.each<[string, object, boolean]>([
    ['what was changed', { words: 'We added a date.' }, true],
    ['words at the limit', { words: 'x'.repeat(MAX_PLAN_REPLY) }, true],
    ['words over the limit', { words: 'x'.repeat(MAX_PLAN_REPLY + 1) }, false],
    ['only spaces', { words: ' ' }, false],
    ['no words', {}, false],
  ])('%s', (_, body, valid) => {
    expect(PlanCommentReplyRequestSchema.safeParse(body).success).toBe(valid);
  });
});
