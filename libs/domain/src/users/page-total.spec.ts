import { COUNT_CAP, countLimitFor, pageTotal } from './users.contract';

describe('countLimitFor', () => {
  it.each([
    [1, 25, COUNT_CAP + 1],
    [40, 25, COUNT_CAP + 1],
    [41, 25, 1026],
    [200, 25, 5001],
    [1, 100, COUNT_CAP + 1],
    [11, 100, 1101],
  ])('page %i of %i counts up to %i rows', (page, pageSize, limit) => {
    expect(countLimitFor(page, pageSize)).toBe(limit);
  });
});

describe('pageTotal', () => {
  it.each([
    [0, 1001, { total: 0 }],
    [1000, 1001, { total: 1000 }],
    [1001, 1001, { total: 1001, totalIsLowerBound: true }],
    [5001, 5001, { total: 5001, totalIsLowerBound: true }],
  ])('%i counted of a limit of %i reports %j', (counted, limit, expected) => {
    expect(pageTotal(counted, limit)).toEqual(expected);
  });
});
