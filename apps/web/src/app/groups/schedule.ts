import { addDays, occurrenceDates } from '@heard/domain';
import type { IsoDate, MeetingPattern, PatternException } from '@heard/domain';
import { longDate, shortDate } from '../core/dates';

/** How far ahead the schedule tab lists sessions. */
export const SCHEDULE_DAYS = 90;

/**
 * The pattern's coming meeting dates that have no exception yet: the dates an officer can cancel
 * or move in advance (for a holiday, say). Empty when there is no pattern or it cannot be read.
 */
export function exceptionCandidates(
  pattern: MeetingPattern | null,
  exceptions: readonly PatternException[],
  from: IsoDate,
  count = 26,
): IsoDate[] {
  if (!pattern) return [];
  const taken = new Set(exceptions.map((e) => e.date));
  try {
    return occurrenceDates(pattern, from, addDays(from, 400))
      .filter((date) => !taken.has(date))
      .slice(0, count);
  } catch {
    return [];
  }
}

/** An exception in words: "Cancelled on Tuesday 3 March 2026 (half term)". */
export function describeException(exception: PatternException): string {
  const reason = exception.reason ? ` (${exception.reason})` : '';
  if (exception.kind === 'moved' && exception.movedTo) {
    return `Moved from ${shortDate(exception.date)} to ${longDate(exception.movedTo.date)} at ${exception.movedTo.startTime}${reason}`;
  }
  return `Cancelled on ${longDate(exception.date)}${reason}`;
}

/** "Created 6 sessions and updated 1, up to Tuesday 2 June 2026." */
export function describeGenerated(result: { created: number; updated: number; until: IsoDate }): string {
  const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;
  if (result.created === 0 && result.updated === 0) {
    return `The schedule was already up to date until ${longDate(result.until)}.`;
  }
  return `Created ${sessions(result.created)} and updated ${result.updated}, up to ${longDate(result.until)}.`;
}
