import { howOftenAsked, howOftenAskedInWords, monthsBefore, quieterVoicesFirst } from './how-often-asked';

describe('how often a young person was asked', () => {
  it.each([
    ['2026-05-15', 3, '2026-02-15'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2028-05-31', 3, '2028-02-29'],
    ['2026-01-10', 6, '2025-07-10'],
    ['2026-03-31', 12, '2025-03-31'],
  ])('%s less %i months is %s', (day, months, expected) => {
    expect(monthsBefore(day, months)).toBe(expected);
  });

  it.each([
    ['never asked', [], { lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 }],
    ['asked today', ['2026-05-15'], { lastThreeMonths: 1, lastSixMonths: 1, lastTwelveMonths: 1 }],
    [
      'on the day the window starts: outside it',
      ['2026-02-15'],
      { lastThreeMonths: 0, lastSixMonths: 1, lastTwelveMonths: 1 },
    ],
    [
      'the day after it starts: inside',
      ['2026-02-16'],
      { lastThreeMonths: 1, lastSixMonths: 1, lastTwelveMonths: 1 },
    ],
    [
      'a round that opens tomorrow is not an ask yet',
      ['2026-05-16'],
      { lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 },
    ],
    ['over a year ago', ['2025-05-15'], { lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 }],
    [
      'spread across the year',
      ['2026-05-01', '2026-04-01', '2025-12-20', '2025-09-01', '2025-06-01'],
      { lastThreeMonths: 2, lastSixMonths: 3, lastTwelveMonths: 5 },
    ],
  ])('%s', (_name, days, expected) => {
    expect(howOftenAsked(days, '2026-05-15')).toEqual(expected);
  });

  it.each([
    [{ lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 }, 'Not asked in the last 12 months'],
    [{ lastThreeMonths: 1, lastSixMonths: 1, lastTwelveMonths: 1 }, 'Asked once in 3 months'],
    [{ lastThreeMonths: 2, lastSixMonths: 2, lastTwelveMonths: 2 }, 'Asked 2 times in 3 months'],
    [{ lastThreeMonths: 0, lastSixMonths: 1, lastTwelveMonths: 4 }, 'Not asked in 3 months (4 in 12 months)'],
  ])('%j reads "%s"', (asked, words) => {
    expect(howOftenAskedInWords(asked)).toBe(words);
  });

  it('should put the quieter voices first without reordering those asked as often', () => {
    const a = (three: number, six: number, twelve: number) => ({
      lastThreeMonths: three,
      lastSixMonths: six,
      lastTwelveMonths: twelve,
    });
    const people = [
      { id: 'busy', asked: a(3, 4, 6) },
      { id: 'first-quiet', asked: a(0, 0, 1) },
      { id: 'middle', asked: a(1, 2, 2) },
      { id: 'second-quiet', asked: a(0, 0, 1) },
      { id: 'never', asked: a(0, 0, 0) },
    ];
    expect(quieterVoicesFirst(people, (p) => p.asked).map((p) => p.id)).toEqual([
      'never',
      'first-quiet',
      'second-quiet',
      'middle',
      'busy',
    ]);
    expect(people[0].id).toBe('busy');
  });
});
