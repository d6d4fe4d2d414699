import {
  MeetingPattern,
  PatternException,
  PlannedSession,
  isPatternDate,
  occurrenceDates,
  patternProblems,
  planSessions,
} from './recurrence';

/** Tuesday 6 January 2026, 17:00 for 90 minutes. */
const base: MeetingPattern = {
  rrule: 'FREQ=WEEKLY;BYDAY=TU',
  startsOn: '2026-01-06',
  startTime: '17:00',
  durationMinutes: 90,
};
const fortnightly: MeetingPattern = { ...base, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' };

describe('patternProblems', () => {
  it.each<[string]>([
    ['FREQ=WEEKLY;BYDAY=TU'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    ['FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2'],
    ['FREQ=MONTHLY;BYDAY=2TU'],
    ['FREQ=MONTHLY;BYDAY=-1FR'],
    ['FREQ=MONTHLY;BYMONTHDAY=15'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    ['FREQ=WEEKLY'],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=10'],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=500'],
    ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20260731T000000Z'],
    ['FREQ=WEEKLY;INTERVAL=12;BYDAY=TU'],
    ['FREQ=WEEKLY;BYDAY=TU;WKST=MO'],
    ['RRULE:FREQ=WEEKLY;BYDAY=TU'],
    ['  FREQ=WEEKLY;BYDAY=TU  '],
  ])('should accept %p', (rrule) => {
    expect(patternProblems({ ...base, rrule })).toEqual({});
  });

  it.each<[string, string, RegExp]>([
    ['FREQ=MINUTELY', 'minutely', /FREQ=WEEKLY or FREQ=MONTHLY/],
    ['FREQ=HOURLY', 'hourly', /FREQ=WEEKLY or FREQ=MONTHLY/],
    ['FREQ=DAILY', 'daily', /FREQ=WEEKLY or FREQ=MONTHLY/],
    ['FREQ=YEARLY', 'yearly', /FREQ=WEEKLY or FREQ=MONTHLY/],
    ['BYDAY=TU', 'no FREQ', /FREQ=WEEKLY or FREQ=MONTHLY/],
    ['FREQ=WEEKLY;BYDAY=TU;BYHOUR=17', 'BYHOUR', /BYHOUR/],
    ['FREQ=WEEKLY;BYDAY=TU;BYMINUTE=0', 'BYMINUTE', /BYMINUTE/],
    ['FREQ=WEEKLY;BYDAY=TU;BYSECOND=1,2,3', 'BYSECOND', /BYSECOND/],
    ['FREQ=WEEKLY;DTSTART=20260106T000000Z', 'a DTSTART inside the rule', /DTSTART/],
    ['FREQ=WEEKLY;INTERVAL=0;BYDAY=TU', 'INTERVAL=0', /INTERVAL/],
    ['FREQ=WEEKLY;INTERVAL=13;BYDAY=TU', 'INTERVAL=13', /INTERVAL/],
    ['FREQ=WEEKLY;INTERVAL=-1;BYDAY=TU', 'a negative INTERVAL', /INTERVAL/],
    ['FREQ=WEEKLY;INTERVAL=1.5;BYDAY=TU', 'a fractional INTERVAL', /INTERVAL/],
    ['FREQ=WEEKLY;INTERVAL=two;BYDAY=TU', 'a wordy INTERVAL', /INTERVAL/],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=100000', 'COUNT=100000', /COUNT/],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=501', 'COUNT=501', /COUNT/],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=0', 'COUNT=0', /COUNT/],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=lots', 'a wordy COUNT', /COUNT/],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH', 'four BYDAY values a week', /at most 3 times a week/],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU', 'every day of the week', /at most 3 times a week/],
    ['every other tuesday', 'plain English', /RFC 5545/],
    ['', 'an empty rule', /RFC 5545/],
    ['FREQ=WEEKLY;;BYDAY=TU', 'an empty part', /RFC 5545/],
    ['FREQ=WEEKLY;BYDAY=TU;', 'a trailing semicolon', /RFC 5545/],
    ['FREQ WEEKLY', 'no equals sign', /RFC 5545/],
    [
      'FREQ=WEEKLY\nBYDAY=TU',
      'a newline instead of a semicolon',
      /RFC 5545|could not be read|FREQ=WEEKLY or FREQ=MONTHLY/,
    ],
    ['FREQ=WEEKLY;BYDAY=XX', 'an unknown day', /could not be read/],
    ['FREQ=WEEKLY;BYDAY=TU;UNTIL=soon', 'an unreadable UNTIL', /could not be read/],
    ['FREQ=WEEKLY;BYDAY=TU;UNTIL=20250101T000000Z', 'an UNTIL before the start date', /never happens/],
  ])('should refuse %p (%s)', (rrule, _name, message) => {
    const problems = patternProblems({ ...base, rrule });
    expect(Object.keys(problems)).toEqual(['rrule']);
    expect(problems['rrule']).toMatch(message);
  });

  it('should refuse a rule that never happens even though every part is allowed', () => {
    // The 30th of February, every twelve months from 1 February.
    const problems = patternProblems({
      ...base,
      startsOn: '2026-02-01',
      rrule: 'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30',
    });
    expect(problems).toEqual({ rrule: 'This repeat rule never happens after the start date.' });
  });

  // The limit is "a group meets at most 3 times a week"; these rules meet more often than that.
  it.each<[string, string]>([
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH',
      'more than 3 BYDAY values in a monthly rule (every Monday to Thursday)',
    ],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR,SA,SU', 'every day, written as a monthly rule'],
    [
      'FREQ=WEEKLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31',
      'every day, written as a weekly rule by month day',
    ],
  ])('should refuse %p (%s)', (rrule) => {
    const problems = patternProblems({ ...base, rrule });
    expect(Object.keys(problems)).toEqual(['rrule']);
  });

  it.each<[string]>([['25:00'], ['24:00'], ['17:60'], ['5pm'], ['9:00'], ['17:00:00'], ['']])(
    'should refuse the start time %p',
    (startTime) => {
      expect(patternProblems({ ...base, startTime })).toEqual({
        startTime: 'Use a 24-hour time like 17:00.',
      });
    },
  );

  it.each<[string]>([['00:00'], ['09:30'], ['23:59']])('should accept the start time %p', (startTime) => {
    expect(patternProblems({ ...base, startTime })).toEqual({});
  });

  it.each<[number]>([[5], [14], [721], [2000], [0], [-60], [90.5], [NaN]])(
    'should refuse a duration of %p minutes',
    (durationMinutes) => {
      expect(patternProblems({ ...base, durationMinutes })).toEqual({
        durationMinutes: 'A session lasts between 15 minutes and 12 hours.',
      });
    },
  );

  it.each<[number]>([[15], [90], [720]])('should accept a duration of %p minutes', (durationMinutes) => {
    expect(patternProblems({ ...base, durationMinutes })).toEqual({});
  });

  it.each<[string]>([['2023-02-29'], ['06/01/2026'], ['']])('should refuse the start date %p', (startsOn) => {
    expect(patternProblems({ ...base, startsOn })).toEqual({ startsOn: 'Use a date like 2026-09-08.' });
  });

  it('should list every problem by field when several fields are wrong', () => {
    const problems = patternProblems({
      rrule: 'FREQ=DAILY',
      startsOn: 'soon',
      startTime: '25:00',
      durationMinutes: 5,
    });
    expect(Object.keys(problems).sort()).toEqual(['durationMinutes', 'rrule', 'startTime', 'startsOn']);
  });
});

describe('occurrenceDates', () => {
  it.each<[string, MeetingPattern, string, string, string[]]>([
    [
      'fortnightly Tuesdays over a quarter',
      fortnightly,
      '2026-01-01',
      '2026-03-31',
      ['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17', '2026-03-03', '2026-03-17', '2026-03-31'],
    ],
    [
      'fortnightly Tuesdays, window starting on an off week',
      fortnightly,
      '2026-01-13',
      '2026-02-17',
      ['2026-01-20', '2026-02-03', '2026-02-17'],
    ],
    [
      'fortnightly Tuesdays, window before the start date',
      fortnightly,
      '2025-12-01',
      '2026-01-10',
      ['2026-01-06'],
    ],
    ['fortnightly Tuesdays, window entirely before the start', fortnightly, '2025-01-01', '2025-12-31', []],
    [
      'fortnightly Tuesdays, window of one pattern date',
      fortnightly,
      '2026-01-20',
      '2026-01-20',
      ['2026-01-20'],
    ],
    ['fortnightly Tuesdays, window of one off-week Tuesday', fortnightly, '2026-01-27', '2026-01-27', []],
    [
      'fortnightly Tuesdays across the spring clock change',
      { ...fortnightly, startsOn: '2026-03-17' },
      '2026-03-01',
      '2026-04-30',
      ['2026-03-17', '2026-03-31', '2026-04-14', '2026-04-28'],
    ],
    [
      'fortnightly Tuesdays across the new year',
      { ...fortnightly, startsOn: '2025-12-16' },
      '2025-12-01',
      '2026-01-31',
      ['2025-12-16', '2025-12-30', '2026-01-13', '2026-01-27'],
    ],
    [
      'weekly Tuesdays',
      base,
      '2026-01-01',
      '2026-01-31',
      ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'],
    ],
    [
      'the second Tuesday of each month (2TU)',
      { ...base, rrule: 'FREQ=MONTHLY;BYDAY=2TU', startsOn: '2026-01-01' },
      '2026-01-01',
      '2026-04-30',
      ['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14'],
    ],
    [
      'the second Tuesday of each month (BYSETPOS=2)',
      { ...base, rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', startsOn: '2026-01-01' },
      '2026-01-01',
      '2026-04-30',
      ['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14'],
    ],
    [
      'a COUNT stops the dates',
      { ...base, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' },
      '2026-01-01',
      '2026-12-31',
      ['2026-01-06', '2026-01-13', '2026-01-20'],
    ],
    [
      'an UNTIL stops the dates',
      { ...base, rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260120T000000Z' },
      '2026-01-01',
      '2026-12-31',
      ['2026-01-06', '2026-01-13', '2026-01-20'],
    ],
  ])('should list the dates for %s', (_name, pattern, from, to, expected) => {
    expect(occurrenceDates(pattern, from, to)).toEqual(expected);
  });
});

describe('isPatternDate', () => {
  it.each<[string, boolean, string]>([
    ['2026-01-06', true, 'the start date'],
    ['2026-01-20', true, 'a fortnight later'],
    ['2026-12-22', true, 'fifty weeks later'],
    ['2026-12-29', false, 'fifty-one weeks later'],
    ['2026-01-13', false, 'a Tuesday in the off week'],
    ['2026-01-21', false, 'a Wednesday'],
    ['2025-12-23', false, 'a Tuesday in step but before the start'],
  ])('%s should be %p for fortnightly Tuesdays (%s)', (date, expected) => {
    expect(isPatternDate(fortnightly, date)).toBe(expected);
  });
});

describe('planSessions', () => {
  const scheduled = (date: string): PlannedSession => ({
    patternDate: date,
    date,
    startTime: '17:00',
    durationMinutes: 90,
    status: 'scheduled',
    moved: false,
  });

  it('should apply a cancellation and a move and leave other dates alone', () => {
    const exceptions: PatternException[] = [
      { date: '2026-01-20', kind: 'cancelled', reason: 'Snow' },
      { date: '2026-02-03', kind: 'moved', movedTo: { date: '2026-02-05', startTime: '18:30' } },
    ];
    expect(planSessions(fortnightly, exceptions, '2026-01-01', '2026-02-28')).toEqual([
      scheduled('2026-01-06'),
      { ...scheduled('2026-01-20'), status: 'cancelled', moved: false },
      {
        patternDate: '2026-02-03',
        date: '2026-02-05',
        startTime: '18:30',
        durationMinutes: 90,
        status: 'scheduled',
        moved: true,
      },
      scheduled('2026-02-17'),
    ]);
  });

  it.each<[string, PatternException[]]>([
    ['there are no exceptions', []],
    ['an exception is for a date that is not in the pattern', [{ date: '2026-01-13', kind: 'cancelled' }]],
    ['an exception is for a date outside the window', [{ date: '2026-03-03', kind: 'cancelled' }]],
    ['a move has nowhere to move to', [{ date: '2026-01-20', kind: 'moved' }]],
  ])('should plan every pattern date unchanged when %s', (_name, exceptions) => {
    expect(planSessions(fortnightly, exceptions, '2026-01-01', '2026-02-28')).toEqual(
      ['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17'].map(scheduled),
    );
  });

  it('should keep the pattern date of a moved session so it can be found again', () => {
    const [session] = planSessions(
      fortnightly,
      [{ date: '2026-01-06', kind: 'moved', movedTo: { date: '2026-01-07', startTime: '16:00' } }],
      '2026-01-06',
      '2026-01-06',
    );
    expect(session).toMatchObject({
      patternDate: '2026-01-06',
      date: '2026-01-07',
      startTime: '16:00',
      moved: true,
      status: 'scheduled',
    });
  });
});
