import { occurrenceDates, patternProblems } from '@heard/domain';
import {
  type PresetChoice,
  buildRrule,
  describeRrule,
  parseRrule,
  weekOfMonthOf,
  weekdayOf,
} from './rrule-presets';

describe('buildRrule', () => {
  it.each<[PresetChoice, string]>([
    [{ preset: 'weekly', weekday: 'WE', week: 1 }, 'FREQ=WEEKLY;BYDAY=WE'],
    [{ preset: 'fortnightly', weekday: 'TU', week: 1 }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    [{ preset: 'monthly', weekday: 'SA', week: 1 }, 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1'],
    [{ preset: 'monthly', weekday: 'FR', week: -1 }, 'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1'],
  ])('%o → %s', (choice, rrule) => {
    expect(buildRrule(choice)).toBe(rrule);
  });

  it('makes rules the API accepts, meeting on the dates the preset says', () => {
    const pattern = (rrule: string) => ({
      rrule,
      startsOn: '2026-03-01',
      startTime: '17:00',
      durationMinutes: 90,
    });
    const second = buildRrule({ preset: 'monthly', weekday: 'WE', week: 2 });
    expect(patternProblems(pattern(second))).toEqual({});
    expect(occurrenceDates(pattern(second), '2026-03-01', '2026-05-31')).toEqual([
      '2026-03-11',
      '2026-04-08',
      '2026-05-13',
    ]);
    // Fortnights count from the first meeting date, so it is a Monday here.
    const fortnightly = {
      ...pattern(buildRrule({ preset: 'fortnightly', weekday: 'MO', week: 1 })),
      startsOn: '2026-03-02',
    };
    expect(occurrenceDates(fortnightly, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-02',
      '2026-03-16',
      '2026-03-30',
    ]);
  });
});

describe('parseRrule', () => {
  it.each<[string, PresetChoice | null]>([
    ['FREQ=WEEKLY;BYDAY=TH', { preset: 'weekly', weekday: 'TH', week: 1 }],
    ['RRULE:freq=weekly;interval=2;byday=mo', { preset: 'fortnightly', weekday: 'MO', week: 1 }],
    ['FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2', { preset: 'monthly', weekday: 'WE', week: 2 }],
    ['FREQ=MONTHLY;BYDAY=2WE', { preset: 'monthly', weekday: 'WE', week: 2 }],
    ['FREQ=MONTHLY;BYDAY=-1FR', { preset: 'monthly', weekday: 'FR', week: -1 }],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=TU', null],
    ['FREQ=WEEKLY;BYDAY=TU,TH', null],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=10', null],
    ['FREQ=MONTHLY;BYMONTHDAY=1', null],
    ['FREQ=MONTHLY;BYDAY=WE;BYSETPOS=5', null],
    ['not a rule', null],
  ])('%s → %o', (rrule, expected) => {
    expect(parseRrule(rrule)).toEqual(expected);
  });

  it('reads back every rule it builds', () => {
    const choices: PresetChoice[] = [
      { preset: 'weekly', weekday: 'SU', week: 1 },
      { preset: 'fortnightly', weekday: 'FR', week: 1 },
      { preset: 'monthly', weekday: 'TU', week: 3 },
      { preset: 'monthly', weekday: 'MO', week: -1 },
    ];
    for (const choice of choices) expect(parseRrule(buildRrule(choice))).toEqual(choice);
  });
});

describe('describeRrule', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', 'Every Tuesday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'Every other Monday'],
    ['FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1', 'The first Saturday of each month'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'The last Friday of each month'],
    ['FREQ=WEEKLY;BYDAY=TU,TH', 'Repeat rule FREQ=WEEKLY;BYDAY=TU,TH'],
  ])('%s → %s', (rrule, words) => {
    expect(describeRrule(rrule)).toBe(words);
  });
});

describe('weekdayOf and weekOfMonthOf', () => {
  it.each([
    ['2026-03-02', 'MO', 1],
    ['2026-03-11', 'WE', 2],
    ['2026-03-28', 'SA', 4],
    ['2026-03-29', 'SU', -1],
    ['2026-03-31', 'TU', -1],
  ])('%s is a %s in week %s', (date, weekday, week) => {
    expect(weekdayOf(date)).toBe(weekday);
    expect(weekOfMonthOf(date)).toBe(week);
  });
});
