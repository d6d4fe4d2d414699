import {
  RETENTION_KINDS,
  RETENTION_RULES,
  RetentionKind,
  RetentionSettingRequestSchema,
  isRetentionKind,
  periodInWords,
  retentionCutoff,
  retentionDaysProblem,
  retentionRule,
} from './retention';

describe('the retention table', () => {
  it('has one rule for every kind, each once', () => {
    expect([...RETENTION_KINDS].sort()).toEqual(Object.values(RetentionKind).sort());
  });

  it.each(RETENTION_RULES.map((r) => [r.kind, r] as const))(
    '%s: its default lies within its bounds and it says why, from when and what happens',
    (_kind, rule) => {
      expect(rule.minDays).toBeGreaterThanOrEqual(1);
      expect(rule.minDays).toBeLessThanOrEqual(rule.defaultDays);
      expect(rule.defaultDays).toBeLessThanOrEqual(rule.maxDays);
      for (const words of [rule.label, rule.countsFrom, rule.whatHappens, rule.reason])
        expect(words.trim().length).toBeGreaterThan(10);
      // The request schema's outer limits hold every kind's bounds.
      expect(RetentionSettingRequestSchema.safeParse({ days: rule.maxDays }).success).toBe(true);
    },
  );

  it.each([
    [RetentionKind.YoungPerson, 730],
    [RetentionKind.Invitation, 730],
    [RetentionKind.ConsentRecord, 2190],
    [RetentionKind.Evaluation, 1095],
    [RetentionKind.MailOutbox, 182],
    [RetentionKind.SignInThrottle, 1],
  ])('%s keeps %d days by default', (kind, days) => {
    expect(retentionRule(kind).defaultDays).toBe(days);
  });

  it.each([
    ['young_person', true],
    ['worry', true],
    ['Young_Person', false],
    ['', false],
    [42, false],
    [null, false],
  ])('isRetentionKind(%p) is %p', (value, expected) => {
    expect(isRetentionKind(value)).toBe(expected);
  });
});

describe('retentionDaysProblem', () => {
  it.each([
    [RetentionKind.YoungPerson, 365, null],
    [RetentionKind.YoungPerson, 2190, null],
    [RetentionKind.YoungPerson, 364, 'At least 1 year (365 days) for this kind of record.'],
    [RetentionKind.YoungPerson, 2191, 'At most 6 years (2190 days) for this kind of record.'],
    [RetentionKind.SignInThrottle, 1, null],
    [RetentionKind.SignInThrottle, 0, 'At least 1 day for this kind of record.'],
    [RetentionKind.MailOutbox, 31, null],
    [RetentionKind.MailOutbox, 29, 'At least 1 month (30 days) for this kind of record.'],
    [RetentionKind.Worry, 9125, null],
    [RetentionKind.Worry, 9126, 'At most 25 years (9125 days) for this kind of record.'],
    [RetentionKind.Invitation, 400.5, 'Use a whole number of days.'],
  ])('%s for %p days: %p', (kind, days, expected) => {
    expect(retentionDaysProblem(kind, days)).toBe(expected);
  });
});

describe('retentionCutoff', () => {
  it.each([
    // 10:00 UTC in winter is 10:00 in London.
    ['2026-12-05T10:00:00Z', 1, '2026-12-04T10:00:00.000Z', '2026-12-04'],
    ['2026-12-05T10:00:00Z', 730, '2024-12-05T10:00:00.000Z', '2024-12-05'],
    // 23:30 UTC in summer is already the next day in London.
    ['2026-07-01T23:30:00Z', 30, '2026-06-01T23:30:00.000Z', '2026-06-02'],
    // Across a leap day, by days not by calendar years.
    ['2028-03-01T12:00:00Z', 365, '2027-03-02T12:00:00.000Z', '2027-03-02'],
  ])('at %s keeping %d days: before %s, or a day before %s', (now, days, at, on) => {
    const cutoff = retentionCutoff(days, new Date(now));
    expect(cutoff.at.toISOString()).toBe(at);
    expect(cutoff.on).toBe(on);
  });
});

describe('periodInWords', () => {
  it.each([
    [1, '1 day'],
    [2, '2 days'],
    [30, '1 month'],
    [90, '3 months'],
    [182, '6 months'],
    [365, '1 year'],
    [730, '2 years'],
    [400, '400 days'],
  ])('%d days is "%s"', (days, words) => {
    expect(periodInWords(days)).toBe(words);
  });
});
