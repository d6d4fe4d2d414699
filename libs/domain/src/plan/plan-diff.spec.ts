import {
  DiffSegment,
  MAX_CHANGED_WORDS,
  WordDiff,
  diffCounts,
  diffPlanTexts,
  jsdiffWords,
} from './plan-diff';
import { planDocumentOf } from './plan-text';

const same = (text: string): DiffSegment => ({ kind: 'same', text });
const added = (text: string): DiffSegment => ({ kind: 'added', text });
const removed = (text: string): DiffSegment => ({ kind: 'removed', text });

/** The text a side reads as: the kept words with that side's own changes. */
const side = (segments: readonly DiffSegment[], kind: 'added' | 'removed') =>
  segments
    .filter((s) => s.kind === 'same' || s.kind === kind)
    .map((s) => s.text)
    .join('');
/** jsdiff shares the spaces around a change between the sides, so the old side is compared without them. */
const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

describe('word-by-word comparison', () => {
  it.each<[string, string, string, DiffSegment[]]>([
    ['the same text', 'We meet every month.', 'We meet every month.', [same('We meet every month.')]],
    ['both empty', '', '', []],
    ['a first version', '', 'We meet.', [added('We meet.')]],
    ['everything removed', 'We meet.', '', [removed('We meet.')]],
    [
      'a word changed',
      'We meet every month.',
      'We meet every week.',
      [same('We meet every '), removed('month'), added('week'), same('.')],
    ],
    [
      'a word added',
      'We meet monthly.',
      'We meet twice monthly.',
      [same('We meet '), added('twice '), same('monthly.')],
    ],
    [
      'a word removed',
      'We always meet monthly.',
      'We meet monthly.',
      [same('We '), removed('always '), same('meet monthly.')],
    ],
    ['a word added at the end', 'We meet', 'We meet monthly', [same('We meet '), added('monthly')]],
    ['a word removed at the start', 'Now we meet', 'we meet', [removed('Now '), same('we meet')]],
    [
      'two changes apart',
      'one two three four five',
      'one 2 three four 5',
      [same('one '), removed('two'), added('2'), same(' three four '), removed('five'), added('5')],
    ],
    ['a new paragraph break only', 'We meet. Often.', 'We meet.\n\nOften.', [same('We meet.\n\nOften.')]],
    [
      'a case change is a change',
      'Young Experts',
      'young experts',
      [removed('Young Experts'), added('young experts')],
    ],
    [
      'script as words',
      'We meet.',
      'We <script>x</script> meet.',
      [same('We '), added('<script>x</script> '), same('meet.')],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(jsdiffWords(before, after)).toEqual(expected);
  });

  it.each([
    ['We ask you at your review.', 'We ask you at your review and after it, in words you choose.'],
    ['A B C D E F', 'F E D C B A'],
    ['the cat sat on the mat', 'the dog sat on a mat by the cat'],
    ['one\n\ntwo three', 'zero one two\n\nthree four'],
  ])('reads back as both versions: %j → %j', (before, after) => {
    const segments = jsdiffWords(before, after);
    expect(side(segments, 'added')).toBe(after);
    expect(withoutSpaces(side(segments, 'removed'))).toBe(withoutSpaces(before));
    // Neighbours never share a kind: each change is one marked run.
    segments.slice(1).forEach((s, i) => expect(s.kind).not.toBe(segments[i].kind));
  });

  it('keeps the fewest changes: the longest run of kept words', () => {
    const segments = jsdiffWords('the cat sat on the mat', 'the dog sat on a mat by the cat');
    expect(diffCounts(segments)).toEqual({ added: 5, removed: 2 });
  });

  it('shows a whole rewrite past the limit as removed then added', () => {
    const count = MAX_CHANGED_WORDS + 1;
    const before = Array.from({ length: count }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: count }, (_, i) => `b${i}`).join(' ');
    const segments = jsdiffWords(`Start ${before} end`, `Start ${after} end`);
    expect(segments.map((s) => s.kind)).toEqual(['removed', 'added']);
    expect(side(segments, 'added')).toBe(`Start ${after} end`);
    expect(side(segments, 'removed')).toBe(`Start ${before} end`);
  });

  it('finds one change in a long section', () => {
    const long = Array.from({ length: 4000 }, (_, i) => `word${i}`).join(' ');
    const changed = long.replace('word2000 ', 'changed ');
    expect(diffCounts(jsdiffWords(long, changed))).toEqual({ added: 1, removed: 1 });
  });
});

describe('comparing two versions of a plan', () => {
  it('compares their plain texts, paragraph breaks kept', () => {
    const before = planDocumentOf('We meet every month.\n\nWe listen.');
    const after = planDocumentOf('We meet every week.\n\nWe listen.');
    expect(diffPlanTexts(before, after)).toEqual([
      same('We meet every '),
      removed('month'),
      added('week'),
      same('.\n\nWe listen.'),
    ]);
  });

  it('uses the comparison it is given, so the diff package can replace the simple one', () => {
    const calls: [string, string][] = [];
    const fake: WordDiff = (a, b) => {
      calls.push([a, b]);
      return [same(b)];
    };
    expect(diffPlanTexts(planDocumentOf('One.'), planDocumentOf('Two.'), fake)).toEqual([same('Two.')]);
    expect(calls).toEqual([['One.', 'Two.']]);
  });

  it.each<[DiffSegment[], { added: number; removed: number }]>([
    [[], { added: 0, removed: 0 }],
    [[same('a b'), added('c d '), removed('e')], { added: 2, removed: 1 }],
    [[added('\n\n')], { added: 0, removed: 0 }],
  ])('counts the words of %j', (segments, counts) => {
    expect(diffCounts(segments)).toEqual(counts);
  });
});
