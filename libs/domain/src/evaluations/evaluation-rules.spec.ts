import {
  DEFAULT_QUESTIONS,
  EvaluationQuestion,
  RATING_SCALE,
  RoundDates,
  RoundState,
  answerProblems,
  isRating,
  ratingWords,
  roundStateOn,
} from './evaluation-rules';

describe('the rating scale', () => {
  it('should run 1 to 5 with the agreed words, worst first', () => {
    expect(RATING_SCALE.map((s) => [s.value, s.words])).toEqual([
      [1, 'Really bad'],
      [2, 'Bad'],
      [3, 'OK'],
      [4, 'Good'],
      [5, 'Really good'],
    ]);
    expect(new Set(RATING_SCALE.map((s) => s.face)).size).toBe(5);
  });

  it.each([
    [1, true],
    [5, true],
    [3, true],
    [0, false],
    [6, false],
    [2.5, false],
    ['3', false],
    [null, false],
  ])('isRating(%p) is %p', (value, expected) => {
    expect(isRating(value)).toBe(expected);
  });

  it('should give words for a rating', () => {
    expect(ratingWords(1)).toBe('Really bad');
    expect(ratingWords(5)).toBe('Really good');
  });
});

describe('the default questions', () => {
  it('should ask ratings, both open questions and a quote box, with unique keys', () => {
    expect(DEFAULT_QUESTIONS.map((q) => q.kind)).toEqual(['rating', 'rating', 'open', 'open', 'quote']);
    expect(DEFAULT_QUESTIONS.map((q) => q.prompt)).toEqual(
      expect.arrayContaining(['What did you like?', 'What would you change?']),
    );
    expect(new Set(DEFAULT_QUESTIONS.map((q) => q.key)).size).toBe(DEFAULT_QUESTIONS.length);
  });
});

describe('roundStateOn', () => {
  const round = (closedAt: string | null = null): RoundDates => ({
    opensOn: '2026-05-01',
    closesOn: '2026-05-31',
    closedAt,
  });
  it.each<[string, RoundDates, string, RoundState]>([
    ['the day before it opens', round(), '2026-04-30', 'not_open_yet'],
    ['the day it opens', round(), '2026-05-01', 'open'],
    ['a day in between', round(), '2026-05-15', 'open'],
    ['its last day', round(), '2026-05-31', 'open'],
    ['the day after its last day', round(), '2026-06-01', 'closed'],
    ['a day inside, when closed early', round('2026-05-10T09:00:00.000Z'), '2026-05-15', 'closed'],
    ['a day before it opens, when closed early', round('2026-04-20T09:00:00.000Z'), '2026-04-25', 'closed'],
  ])('on %s', (_label, dates, day, expected) => {
    expect(roundStateOn(dates, day)).toBe(expected);
  });

  it('should take answers on a one-day round on that day only', () => {
    const oneDay = { opensOn: '2026-05-01', closesOn: '2026-05-01', closedAt: null };
    expect(roundStateOn(oneDay, '2026-05-01')).toBe('open');
    expect(roundStateOn(oneDay, '2026-05-02')).toBe('closed');
  });
});

describe('answerProblems', () => {
  const questions: EvaluationQuestion[] = [
    { key: 'overall', kind: 'rating', prompt: 'What do you think of it?' },
    { key: 'liked', kind: 'open', prompt: 'What did you like?' },
    { key: 'quote', kind: 'quote', prompt: 'In your own words' },
  ];
  it.each<[string, Parameters<typeof answerProblems>[1], Record<string, string[]>]>([
    [
      'a rating and words where they belong',
      [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'liked', text: 'The pictures' },
      ],
      {},
    ],
    ['some questions left out', [{ questionKey: 'quote', text: 'It helped me' }], {}],
    [
      'a key the round does not ask',
      [{ questionKey: 'colour', text: 'blue' }],
      { 'answers.0.questionKey': ['This round does not ask this question.'] },
    ],
    [
      'the same question twice',
      [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'overall', rating: 2 },
      ],
      { 'answers.1.questionKey': ['This question is answered twice.'] },
    ],
    [
      'words for a rating',
      [{ questionKey: 'overall', text: 'good' }],
      { 'answers.0.text': ['This question takes a face, not words.'] },
    ],
    [
      'a face for an open question',
      [{ questionKey: 'liked', rating: 3 }],
      { 'answers.0.rating': ['This question takes words, not a face.'] },
    ],
    [
      'a rating question with no face',
      [{ questionKey: 'overall', rating: null }],
      { 'answers.0.rating': ['Choose a face, or leave the question out.'] },
    ],
    [
      'a quote with no words',
      [{ questionKey: 'quote', text: null }],
      { 'answers.0.text': ['Write something, or leave the question out.'] },
    ],
  ])('%s', (_label, answers, expected) => {
    expect(answerProblems(questions, answers)).toEqual(expected);
  });
});
