import { combinedReadingLevel, readingLevelPieces } from './plan-reading';

describe('readingLevelPieces', () => {
  it.each<[string, string, number, string[]]>([
    ['nothing', '', 10, []],
    ['short text whole', 'We listen.', 100, ['We listen.']],
    ['paragraphs together while they fit', 'One.\n\nTwo.\n\nThree.', 11, ['One.\n\nTwo.', 'Three.']],
    ['each paragraph alone when two do not fit', 'Aaaa.\n\nBbbb.', 8, ['Aaaa.', 'Bbbb.']],
    [
      'a long paragraph cut between sentences',
      'One two. Three four. Five.',
      12,
      ['One two.', 'Three four.', 'Five.'],
    ],
    ['a sentence longer than a piece cut inside it', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['blank paragraphs left out', '\n\nOne.\n\n\n\n', 10, ['One.']],
  ])('%s', (_name, plain, max, expected) => {
    const pieces = readingLevelPieces(plain, max);
    expect(pieces).toEqual(expected);
    expect(pieces.every((p) => p.length <= max)).toBe(true);
  });

  it('keeps every word of a long section', () => {
    const plain = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says a thing. And another.`).join(
      '\n\n',
    );
    const pieces = readingLevelPieces(plain, 2000);
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.join('\n\n')).toBe(plain);
  });

  it.each([0, -1, 1.5])('refuses a piece size of %p', (max) => {
    expect(() => readingLevelPieces('x', max)).toThrow(RangeError);
  });
});

describe('combinedReadingLevel', () => {
  const level = (readingAge: number | null, hardSentences: string[] = []) => ({
    forAge: 10,
    readingAge,
    hardSentences,
  });
  it.each([
    ['nothing measured', [], null],
    ['one piece as it is', [level(9)], level(9)],
    ['the oldest age of the pieces', [level(8), level(12, ['Hard one.'])], level(12, ['Hard one.'])],
    ['hard for adults when one piece is', [level(8, ['A.']), level(null, ['B.'])], level(null, ['A.', 'B.'])],
  ])('%s', (_name, levels, expected) => {
    expect(combinedReadingLevel(levels)).toEqual(expected);
  });
});
