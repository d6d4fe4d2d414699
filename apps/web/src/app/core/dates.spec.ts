import {
  dayHeading,
  groupByDay,
  londonDate,
  londonTime,
  longDate,
  minutesBetween,
  mondayOf,
  sessionWhen,
  shortDate,
  validIsoDate,
  weekRange,
} from './dates';

describe('dates', () => {
  it('writes dates the UK way', () => {
    expect(longDate('2026-03-04')).toBe('Wednesday 4 March 2026');
    expect(dayHeading('2026-03-04')).toBe('Wednesday 4 March');
    expect(shortDate('2026-03-04')).toBe('4 Mar 2026');
  });

  it('shows instants in UK time, in summer and in winter', () => {
    expect(londonTime('2026-07-01T16:30:00Z')).toBe('17:30');
    expect(londonTime('2026-01-15T16:30:00Z')).toBe('16:30');
    expect(londonDate('2026-07-01T23:30:00Z')).toBe('2026-07-02');
  });

  it('describes when a session is', () => {
    expect(sessionWhen({ startsAt: '2026-03-04T17:00:00Z', endsAt: '2026-03-04T18:30:00Z' })).toBe(
      'Wednesday 4 March 2026, 17:00 to 18:30',
    );
    expect(minutesBetween('2026-03-04T17:00:00Z', '2026-03-04T18:30:00Z')).toBe(90);
  });

  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-04', '2026-03-02'],
    ['2026-03-08', '2026-03-02'],
    ['2026-01-01', '2025-12-29'],
  ])('the week of %s starts on Monday %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it.each([
    ['2026-03-02', '2 to 8 March 2026'],
    ['2026-03-30', '30 March to 5 April 2026'],
    ['2025-12-29', '29 December 2025 to 4 January 2026'],
  ])('names the week of %s as %s', (monday, expected) => {
    expect(weekRange(monday)).toBe(expected);
  });

  it('groups sessions by their UK day, in date order', () => {
    const a = { id: 'a', startsAt: '2026-07-02T09:00:00Z' };
    const b = { id: 'b', startsAt: '2026-07-01T23:30:00Z' }; // 00:30 on 2 July in the UK
    const c = { id: 'c', startsAt: '2026-06-30T17:00:00Z' };
    expect(groupByDay([a, b, c])).toEqual([
      { date: '2026-06-30', items: [c] },
      { date: '2026-07-02', items: [a, b] },
    ]);
  });

  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2026-02-30', null],
    ['next week', null],
    ['', null],
    [null, null],
  ])('accepts %s from an address as %s', (value, expected) => {
    expect(validIsoDate(value)).toBe(expected);
  });
});
