import {
  addDays,
  dayInWords,
  isIsoDate,
  isoDateOf,
  parseIsoDate,
  timeInLondon,
  todayInLondon,
  zonedToUtc,
} from './dates';

describe('isIsoDate', () => {
  it.each<[string, string]>([
    ['2026-01-01', 'an ordinary date'],
    ['2026-12-31', 'the last day of the year'],
    ['2024-02-29', '29 February in a leap year'],
    ['2000-02-29', '29 February in a century leap year'],
    ['2026-04-30', 'the last day of a 30-day month'],
  ])('should accept %s as %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each<[string, string]>([
    ['2023-02-29', '29 February in a non-leap year'],
    ['1900-02-29', '29 February in a century that is not a leap year'],
    ['2026-02-30', '30 February'],
    ['2026-04-31', '31 April'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-01-32', 'day 32'],
    ['2026-1-05', 'a one-digit month'],
    ['2026-01-5', 'a one-digit day'],
    ['26-01-05', 'a two-digit year'],
    ['2026/01/05', 'slashes'],
    ['05-01-2026', 'day first'],
    ['2026-01-05T00:00:00Z', 'a timestamp'],
    [' 2026-01-05', 'leading space'],
    ['2026-01-05 ', 'trailing space'],
    ['', 'an empty string'],
    ['not a date', 'text'],
  ])('should refuse %p (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('should split a date into numbers when it is well formed', () => {
    expect(parseIsoDate('2026-03-09')).toEqual({ year: 2026, month: 3, day: 9 });
  });

  it('should throw when the value is not a date', () => {
    expect(() => parseIsoDate('9 March 2026')).toThrow('Not a date');
  });
});

describe('isoDateOf', () => {
  it('should take the UTC calendar date of an instant', () => {
    expect(isoDateOf(new Date('2026-07-01T23:59:59.999Z'))).toBe('2026-07-01');
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-01-05', 0, '2026-01-05'],
    ['2026-01-05', 1, '2026-01-06'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-25', 14, '2027-01-08'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-01-05', 365, '2027-01-05'],
    ['2024-01-05', 366, '2025-01-05'],
    ['2026-03-28', 2, '2026-03-30'], // across the spring clock change: dates have no time zone
    ['2026-10-24', 2, '2026-10-26'], // across the autumn clock change
  ])('addDays(%s, %i) should be %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('todayInLondon', () => {
  it.each<[string, string, string]>([
    ['2026-06-30T23:30:00Z', '2026-07-01', 'late evening UTC is already tomorrow in London during BST'],
    ['2026-06-30T22:59:59Z', '2026-06-30', 'one second before midnight BST'],
    ['2026-06-30T23:00:00Z', '2026-07-01', 'exactly midnight BST'],
    ['2026-01-15T23:30:00Z', '2026-01-15', 'in winter London is on UTC'],
    ['2026-01-15T00:00:00Z', '2026-01-15', 'midnight GMT'],
    ['2026-12-31T23:59:59Z', '2026-12-31', 'the last second of the year in winter'],
    ['2026-03-29T00:59:59Z', '2026-03-29', 'just before the spring clock change'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the night of the autumn clock change, still BST'],
  ])('should give %s as %s (%s)', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });

  it('should give a YYYY-MM-DD date that isIsoDate accepts', () => {
    expect(isIsoDate(todayInLondon(new Date('2026-05-04T12:00:00Z')))).toBe(true);
  });
});

describe('zonedToUtc', () => {
  it.each<[string, string, string, string]>([
    ['2026-01-06', '17:00', '2026-01-06T17:00:00.000Z', 'winter: London is on GMT'],
    ['2026-07-07', '17:00', '2026-07-07T16:00:00.000Z', 'summer: London is on BST'],
    ['2026-01-06', '00:00', '2026-01-06T00:00:00.000Z', 'midnight in winter'],
    ['2026-07-07', '00:00', '2026-07-06T23:00:00.000Z', 'midnight in summer is the previous UTC day'],
    ['2026-07-07', '23:59', '2026-07-07T22:59:00.000Z', 'the last minute of a summer day'],
    // Spring: at 01:00 GMT on 29 March 2026 the clocks go forward to 02:00 BST.
    ['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z', 'the spring change day, before the change'],
    ['2026-03-29', '03:00', '2026-03-29T02:00:00.000Z', 'the spring change day, after the change'],
    ['2026-03-29', '17:00', '2026-03-29T16:00:00.000Z', 'the spring change day, evening session'],
    ['2026-03-28', '17:00', '2026-03-28T17:00:00.000Z', 'the day before the spring change'],
    ['2026-03-30', '17:00', '2026-03-30T16:00:00.000Z', 'the day after the spring change'],
    // Autumn: at 02:00 BST on 25 October 2026 the clocks go back to 01:00 GMT.
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z', 'the autumn change day, before the change'],
    ['2026-10-25', '03:00', '2026-10-25T03:00:00.000Z', 'the autumn change day, after the change'],
    ['2026-10-25', '17:00', '2026-10-25T17:00:00.000Z', 'the autumn change day, evening session'],
    ['2026-10-24', '17:00', '2026-10-24T16:00:00.000Z', 'the day before the autumn change'],
    ['2026-10-26', '17:00', '2026-10-26T17:00:00.000Z', 'the day after the autumn change'],
  ])('should turn %s %s London time into %s (%s)', (date, time, expected) => {
    expect(zonedToUtc(date, time).toISOString()).toBe(expected);
  });

  it('should use the time zone it is given when it is not London', () => {
    expect(zonedToUtc('2026-01-06', '17:00', 'Europe/Paris').toISOString()).toBe('2026-01-06T16:00:00.000Z');
  });
});

describe('dayInWords', () => {
  it.each([
    ['2026-07-04', 'Saturday 4 July 2026'],
    ['2026-11-22', 'Sunday 22 November 2026'],
    ['2028-02-29', 'Tuesday 29 February 2028'],
  ])('%s is %s', (date, words) => {
    expect(dayInWords(date)).toBe(words);
  });
});

describe('timeInLondon', () => {
  it.each([
    ['2026-07-04T16:30:00Z', '17:30'],
    ['2026-11-22T16:30:00Z', '16:30'],
    ['2026-03-29T00:59:00Z', '00:59'],
    ['2026-03-29T01:00:00Z', '02:00'],
  ])('%s is %s in the UK', (instant, time) => {
    expect(timeInLondon(new Date(instant))).toBe(time);
  });
});
