import { WORDS_TO_CHECK, wordsToCheck } from './words-to-check';

describe('words that prompt an officer to check', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['I liked the animation, it was fun.', []],
    // Inside other words: never a match.
    ['The white paper was this thick.', []],
    ['We ate shiitake and shitake mushrooms.', []],
    ['It was a hitch, then a whitewash.', []],
    ['The car hurtled past the chitchat.', []],
    ['A scaredy-cat? No: scaredycat.', []],
    ['The abusers section', []],
    ['Unhurt and unhit.', []],
    // Whole words, any case.
    ['He hit me', ['hit me']],
    ['HE HIT ME.', ['hit me']],
    ['My brother hits the wall', ['hits']],
    ['I am scared', ['scared']],
    ['Scared, and afraid.', ['scared', 'afraid']],
    ['It hurts', ['hurts']],
    ['I feel unsafe', ['unsafe']],
    ["I'm not safe at home", ['not safe at home']],
    ['not  safe', ['not safe']],
    ["I don't want to go home", ["don't want to go home"]],
    ['I don’t want to go home', ["don't want to go home"]],
    ['Sometimes I want to kill myself', ['kill myself']],
    ['self harm', ['self-harm']],
    ['Self-harm', ['self-harm']],
    ['He touched me', ['touched me']],
    ['I want to run away', ['run away']],
    ['a runaway', ['runaway']],
    ['There was abuse', ['abuse']],
    ['(hit)', ['hit']],
    ['hit.', ['hit']],
    ['I got hit, and hurt, and I am scared', ['hurt', 'hit', 'scared']],
  ])('in %j should find %j', (text, expected) => {
    expect(wordsToCheck(text)).toEqual(expected);
  });

  it('should find every listed phrase on its own', () => {
    for (const phrase of WORDS_TO_CHECK) expect(wordsToCheck(`… ${phrase} …`)).toContain(phrase);
  });

  it('should keep the list lower case and without repeats', () => {
    expect(WORDS_TO_CHECK.every((p) => p === p.toLowerCase())).toBe(true);
    expect(new Set(WORDS_TO_CHECK).size).toBe(WORDS_TO_CHECK.length);
  });
});
