import { RRule, rrulestr } from 'rrule';
import { IsoDate, addDays, isIsoDate, isoDateOf, parseIsoDate } from '../shared/dates';

/**
 * A group's meeting pattern: an RFC 5545 RRULE for the dates, a start time and length for the
 * hours, in UK local time. Only patterns a participation group really has are accepted, so a
 * typo cannot make thousands of sessions.
 */
export interface MeetingPattern {
  /** e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" (no DTSTART: that is `startsOn`). */
  rrule: string;
  startsOn: IsoDate;
  startTime: string;
  durationMinutes: number;
}

export interface PatternException {
  /** The pattern date this exception is about. */
  date: IsoDate;
  kind: 'cancelled' | 'moved';
  /** For moved sessions. */
  movedTo?: { date: IsoDate; startTime: string };
  reason?: string;
}

export const MAX_OCCURRENCES = 500;
export const MAX_SESSIONS_PER_WEEK = 3;
const ALLOWED_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'BYDAY',
  'BYMONTHDAY',
  'BYSETPOS',
  'COUNT',
  'UNTIL',
  'WKST',
]);
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Every problem with a pattern, keyed by field; an empty object means it is usable. */
export function patternProblems(pattern: MeetingPattern): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isIsoDate(pattern.startsOn)) problems['startsOn'] = 'Use a date like 2026-09-08.';
  if (!TIME.test(pattern.startTime)) problems['startTime'] = 'Use a 24-hour time like 17:00.';
  if (
    !Number.isInteger(pattern.durationMinutes) ||
    pattern.durationMinutes < 15 ||
    pattern.durationMinutes > 12 * 60
  ) {
    problems['durationMinutes'] = 'A session lasts between 15 minutes and 12 hours.';
  }
  const rule = pattern.rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!/^[A-Z]+=[^;]+(;[A-Z]+=[^;]+)*$/i.test(rule)) {
    problems['rrule'] = 'The repeat rule is not in RFC 5545 form, e.g. FREQ=WEEKLY;BYDAY=TU.';
    return problems;
  }
  const parts = new Map(
    rule
      .split(';')
      .map((p) => p.split('=') as [string, string])
      .map(([k, v]) => [k.toUpperCase(), v.toUpperCase()]),
  );
  const unknown = [...parts.keys()].filter((k) => !ALLOWED_PARTS.has(k));
  if (unknown.length > 0) {
    problems['rrule'] =
      `Heard does not use ${unknown.join(', ')} in repeat rules: the time comes from the start time.`;
    return problems;
  }
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    problems['rrule'] = 'Groups meet weekly, fortnightly or monthly: use FREQ=WEEKLY or FREQ=MONTHLY.';
    return problems;
  }
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) {
    problems['rrule'] = 'INTERVAL must be between 1 and 12.';
    return problems;
  }
  if (
    freq === 'WEEKLY' &&
    (parts.get('BYDAY') ?? '').split(',').filter(Boolean).length > MAX_SESSIONS_PER_WEEK
  ) {
    problems['rrule'] = `A group meets at most ${MAX_SESSIONS_PER_WEEK} times a week.`;
    return problems;
  }
  if (
    parts.has('COUNT') &&
    !(
      /^\d+$/.test(parts.get('COUNT')!) &&
      Number(parts.get('COUNT')) >= 1 &&
      Number(parts.get('COUNT')) <= MAX_OCCURRENCES
    )
  ) {
    problems['rrule'] = `COUNT must be between 1 and ${MAX_OCCURRENCES}.`;
    return problems;
  }
  if (Object.keys(problems).length > 0) return problems;
  try {
    const year = occurrenceDates(pattern, pattern.startsOn, addDays(pattern.startsOn, 400));
    if (year.length === 0) problems['rrule'] = 'This repeat rule never happens after the start date.';
    // Count real sessions per week rather than BYDAY values: "1st and 3rd Tuesday and Thursday" is fine,
    // "every weekday of the month" is not.
    else if (busiestWeek(year) > MAX_SESSIONS_PER_WEEK)
      problems['rrule'] = `A group meets at most ${MAX_SESSIONS_PER_WEEK} times a week.`;
  } catch {
    problems['rrule'] = 'The repeat rule could not be read.';
  }
  return problems;
}

/** The most sessions falling in any one Monday-to-Sunday week. */
function busiestWeek(dates: readonly IsoDate[]): number {
  const perWeek = new Map<string, number>();
  for (const date of dates) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    const monday = addDays(date, -((day + 6) % 7));
    perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
  }
  return Math.max(0, ...perWeek.values());
}

function toRule(pattern: MeetingPattern): RRule {
  const { year, month, day } = parseIsoDate(pattern.startsOn);
  const dtstart = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}T000000Z`;
  // Dates are worked out in "floating" UTC midnights; times are added in local time afterwards.
  return rrulestr(
    `DTSTART:${dtstart}\nRRULE:${pattern.rrule
      .trim()
      .replace(/^RRULE:/i, '')
      .toUpperCase()}`,
  ) as RRule;
}

/** The pattern's dates from `from` to `to` inclusive, before exceptions. */
export function occurrenceDates(pattern: MeetingPattern, from: IsoDate, to: IsoDate): IsoDate[] {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  return toRule(pattern).between(start, end, true).slice(0, MAX_OCCURRENCES).map(isoDateOf);
}

export function isPatternDate(pattern: MeetingPattern, date: IsoDate): boolean {
  return occurrenceDates(pattern, date, date).length === 1;
}

export interface PlannedSession {
  patternDate: IsoDate;
  date: IsoDate;
  startTime: string;
  durationMinutes: number;
  status: 'scheduled' | 'cancelled';
  moved: boolean;
}

/** What should be on the calendar in a window: the pattern's dates with cancellations and moves applied. */
export function planSessions(
  pattern: MeetingPattern,
  exceptions: readonly PatternException[],
  from: IsoDate,
  to: IsoDate,
): PlannedSession[] {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  return occurrenceDates(pattern, from, to).map((date) => {
    const exception = byDate.get(date);
    if (exception?.kind === 'cancelled') {
      return {
        patternDate: date,
        date,
        startTime: pattern.startTime,
        durationMinutes: pattern.durationMinutes,
        status: 'cancelled',
        moved: false,
      };
    }
    if (exception?.kind === 'moved' && exception.movedTo) {
      return {
        patternDate: date,
        date: exception.movedTo.date,
        startTime: exception.movedTo.startTime,
        durationMinutes: pattern.durationMinutes,
        status: 'scheduled',
        moved: true,
      };
    }
    return {
      patternDate: date,
      date,
      startTime: pattern.startTime,
      durationMinutes: pattern.durationMinutes,
      status: 'scheduled',
      moved: false,
    };
  });
}
