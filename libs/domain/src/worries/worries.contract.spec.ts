import {
  AcknowledgeWorryRequestSchema,
  LinkWorryRequestSchema,
  RaiseWorryRequestSchema,
  SafeguardingContactSettingRequestSchema,
  WORRY_BEFORE_YOU_SEND,
  WORRY_WORDS_MAX,
} from './worries.contract';

describe('raising a worry: the request', () => {
  const id = '6f1c2a52-7a5e-4d8e-9a55-3b7c1f0e2d11';

  it.each([
    ['words only', { words: 'They said they are scared at home.' }, true],
    ['words and a young person', { words: 'Scared.', youngPersonId: id }, true],
    ['a young person of null', { words: 'Scared.', youngPersonId: null }, true],
    ['the longest words', { words: 'a'.repeat(WORRY_WORDS_MAX) }, true],
    ['words one too long', { words: 'a'.repeat(WORRY_WORDS_MAX + 1) }, false],
    ['only spaces', { words: '   ' }, false],
    ['no words', {}, false],
    ['words that are not text', { words: 42 }, false],
    ['a young person id that is not an id', { words: 'Scared.', youngPersonId: 'robin' }, false],
    ['an unknown field', { words: 'Scared.', urgent: true }, false],
  ])('should judge %s', (_name, body, ok) => {
    expect(RaiseWorryRequestSchema.safeParse(body).success).toBe(ok);
  });

  it('should trim the words and default the young person to none', () => {
    expect(RaiseWorryRequestSchema.parse({ words: '  Scared.  ' })).toEqual({
      words: 'Scared.',
      youngPersonId: null,
    });
  });

  it('should take an empty acknowledgement note as none and refuse unknown fields', () => {
    expect(AcknowledgeWorryRequestSchema.parse({ note: ' ' })).toEqual({ note: null });
    expect(AcknowledgeWorryRequestSchema.parse({})).toEqual({ note: null });
    expect(AcknowledgeWorryRequestSchema.safeParse({ note: 'x', done: true }).success).toBe(false);
  });

  it.each([
    ['words only', { words: 'Someone at home scares me.' }, true],
    ['the longest words', { words: 'a'.repeat(WORRY_WORDS_MAX) }, true],
    ['words one too long', { words: 'a'.repeat(WORRY_WORDS_MAX + 1) }, false],
    ['only spaces', { words: ' ' }, false],
    ['no words', {}, false],
    ['words that are not text', { words: ['a'] }, false],
    // Nothing that says who they are is taken through a round link.
    ['a young person', { words: 'Scared.', youngPersonId: '6f1c2a52-7a5e-4d8e-9a55-3b7c1f0e2d11' }, false],
    ['a name', { words: 'Scared.', name: 'Kai' }, false],
  ])('should judge a worry from a round link with %s', (_name, body, ok) => {
    expect(LinkWorryRequestSchema.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{ safeguardingContact: true }, true],
    [{ safeguardingContact: false }, true],
    [{ safeguardingContact: 'yes' }, false],
    [{}, false],
  ])('should judge the safeguarding contact setting %j', (body, ok) => {
    expect(SafeguardingContactSettingRequestSchema.safeParse(body).success).toBe(ok);
  });
});

describe('what a young person reads before they send a worry', () => {
  const text = WORRY_BEFORE_YOU_SEND.join(' ');

  it('should say who will see it and what happens next', () => {
    expect(text).toMatch(/Only they will see it/);
    expect(text).toMatch(/read it and decide how to help/);
  });

  it.each(WORRY_BEFORE_YOU_SEND.flatMap((line) => line.split(/(?<=\.)\s+/)))(
    'should keep "%s" short enough for a 10-year-old',
    (sentence) => {
      expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(16);
    },
  );

  it('should use no staff jargon', () => {
    expect(text).not.toMatch(/safeguarding|designated|acknowledge|disclos|referral/i);
  });
});
