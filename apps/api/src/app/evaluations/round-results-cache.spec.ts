import type { RoundAnswerFacts } from './round-results-cache';
import { RoundResultsCache } from './round-results-cache';

const facts = (n: number): RoundAnswerFacts => ({
  tallies: [{ questionKey: 'overall', rating: 5, count: n }],
  words: [],
  participation: {
    tookPart: n,
    throughLink: 0,
    pictureMode: 0,
    helped: 0,
    inNoGroup: 0,
    ageBands: [],
    groups: [],
  },
});

describe('RoundResultsCache', () => {
  let clock = 0;
  const cache = () => new RoundResultsCache(2, 1000, () => clock);
  beforeEach(() => (clock = 0));

  it.each([
    ['the same stamp, soon after', '3:0:t', 500, true],
    ['another stamp (an evaluation added or corrected)', '4:0:t', 500, false],
    ['the same stamp, too long after', '3:0:t', 1001, false],
  ])('answers from memory for %s: %s', (_case, stamp, later, kept) => {
    const c = cache();
    c.set('r1', '3:0:t', facts(3));
    clock = later;
    expect(c.get('r1', stamp)).toEqual(kept ? facts(3) : null);
  });

  it('keeps only as many rounds as its capacity, forgetting the one kept longest', () => {
    const c = cache();
    c.set('r1', 's', facts(1));
    c.set('r2', 's', facts(2));
    c.set('r1', 's', facts(1)); // set again: now the newest
    c.set('r3', 's', facts(3));
    expect(c.get('r2', 's')).toBeNull();
    expect(c.get('r1', 's')).toEqual(facts(1));
    expect(c.get('r3', 's')).toEqual(facts(3));
  });

  it('knows nothing of a round it was never given', () => {
    expect(cache().get('r9', 's')).toBeNull();
  });
});
