import { addDays, isIsoDate, parseIsoDate, todayInLondon } from '@heard/domain';
import type { IsoDate } from '@heard/domain';

/**
 * Dates and times as people in the UK read them. Sessions are stored as instants; they are shown
 * in UK time wherever the browser is, because that is where the groups meet.
 */
const LONDON = 'Europe/London';

function utcDate(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function parts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', options).formatToParts(date)) {
    result[part.type] = part.value;
  }
  return result;
}

/** "Wednesday 4 March 2026". */
export function longDate(date: IsoDate): string {
  const p = parts(utcDate(date), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}`;
}

/** "Wednesday 4 March" (no year), for days inside a week view. */
export function dayHeading(date: IsoDate): string {
  const p = parts(utcDate(date), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
  return `${p['weekday']} ${p['day']} ${p['month']}`;
}

/** "4 Mar 2026". */
export function shortDate(date: IsoDate): string {
  const p = parts(utcDate(date), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return `${p['day']} ${p['month']} ${p['year']}`;
}

/** The UK calendar date of an instant. */
export function londonDate(instant: string): IsoDate {
  return todayInLondon(new Date(instant));
}

/** The UK wall-clock time of an instant, 24-hour: "17:30". */
export function londonTime(instant: string): string {
  const p = parts(new Date(instant), {
    timeZone: LONDON,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${p['hour']}:${p['minute']}`;
}

/** "Wednesday 4 March 2026, 17:00 to 18:30". */
export function sessionWhen(session: { startsAt: string; endsAt: string }): string {
  return `${longDate(londonDate(session.startsAt))}, ${londonTime(session.startsAt)} to ${londonTime(session.endsAt)}`;
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}

/** The Monday of the week a date is in (UK weeks start on Monday). */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = utcDate(date).getUTCDay(); // 0 = Sunday
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
}

/** "2 to 8 March 2026", "30 March to 5 April 2026" or "29 December 2025 to 4 January 2026". */
export function weekRange(monday: IsoDate): string {
  const sunday = addDays(monday, 6);
  const a = parseIsoDate(monday);
  const b = parseIsoDate(sunday);
  const full = (d: IsoDate) => {
    const p = parts(utcDate(d), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    return { day: p['day'], month: p['month'], year: p['year'] };
  };
  const start = full(monday);
  const end = full(sunday);
  if (a.year !== b.year)
    return `${start.day} ${start.month} ${start.year} to ${end.day} ${end.month} ${end.year}`;
  if (a.month !== b.month) return `${start.day} ${start.month} to ${end.day} ${end.month} ${end.year}`;
  return `${start.day} to ${end.day} ${end.month} ${end.year}`;
}

/** Items grouped by the UK date they start on, in date order; items keep their order within a day. */
export function groupByDay<T extends { startsAt: string }>(
  items: readonly T[],
): { date: IsoDate; items: T[] }[] {
  const byDate = new Map<IsoDate, T[]>();
  for (const item of items) {
    const date = londonDate(item.startsAt);
    const list = byDate.get(date) ?? [];
    list.push(item);
    byDate.set(date, list);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, dayItems]) => ({ date, items: dayItems }));
}

/** A date from the address bar, or null if it is not a real date. */
export function validIsoDate(value: string | null | undefined): IsoDate | null {
  return value && isIsoDate(value) ? value : null;
}
