import { FEWER_THAN_FIVE, SMALL_NUMBER_THRESHOLD, shownCount, shownParts, shownShare } from './small-numbers';

describe('shownCount', () => {
  it.each([
    [0, 0],
    [1, null],
    [2, null],
    [4, null],
    [5, 5],
    [6, 6],
    [120, 120],
  ])('%i is shown as %p', (count, shown) => {
    expect(shownCount(count)).toBe(shown);
  });

  it('withholds exactly the counts under the threshold, and says so in words', () => {
    expect(SMALL_NUMBER_THRESHOLD).toBe(5);
    expect(FEWER_THAN_FIVE).toBe('fewer than 5');
  });
});

describe('shownParts', () => {
  it.each([
    ['nothing small', [0, 6, 9], [0, 6, 9]],
    ['one small part: the smallest other part goes too', [2, 6, 9], [null, null, 9]],
    ['one small part, equals: the first of them', [0, 3, 7, 7], [0, null, null, 7]],
    ['two small parts already hide each other', [2, 3, 9], [null, null, 9]],
    ['a zero is never the extra one', [0, 4, 0, 8], [0, null, 0, null]],
    ['all small', [1, 2, 1], [null, null, null]],
    ['empty', [], []],
  ])('%s', (_case, counts, shown) => {
    expect(shownParts(counts)).toEqual(shown);
  });
});

describe('shownShare', () => {
  it.each([
    ['a share of shown counts, in whole percent', 12, 30, 40],
    ['rounded to the nearest', 7, 15, 47],
    ['no one of a shown group is 0%', 0, 30, 0],
    ['everyone is 100%', 30, 30, 100],
    ['a count withheld is not drawn', null, 30, null],
    ['a group size withheld is not drawn, even with a shown count', 0, null, null],
    ['both withheld', null, null, null],
    ['no one to share among', 0, 0, null],
    ['a few of many never reads as no one', 5, 1200, 1],
    ['all but a few never reads as everyone', 1195, 1200, 99],
  ])('%s', (_case, count, of, share) => {
    expect(shownShare(count, of)).toBe(share);
  });
});
