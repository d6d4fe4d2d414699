import type { AttendanceRate, AttendanceStatus } from '@heard/domain';

export const ATTENDANCE_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

/** Sessions with a mark: the rate's denominator. */
export function markedCount(rate: Pick<AttendanceRate, 'present' | 'apologies' | 'absent'>): number {
  return rate.present + rate.apologies + rate.absent;
}

/**
 * A rate as a whole percentage, never a bare number: "75%". Rounded to the nearest whole
 * percent, except that anything above 0 shows as at least 1% and anything below 100 as at most
 * 99%, so "0%" and "100%" are only shown when they are exactly true.
 */
export function formatPercent(rate: number): string {
  const percent = Math.round(rate * 100);
  if (percent === 0 && rate > 0) return '1%';
  if (percent === 100 && rate < 1) return '99%';
  return `${percent}%`;
}

/**
 * A rate with the counts beside it, e.g. "75% (present at 3 of 4 marked sessions)". When
 * nothing is marked yet it says so rather than showing 0%.
 */
export function formatRate(rate: AttendanceRate): string {
  const marked = markedCount(rate);
  if (rate.rate === null || marked === 0) return 'No attendance marked yet';
  const sessions = marked === 1 ? 'marked session' : 'marked sessions';
  return `${formatPercent(rate.rate)} (present at ${rate.present} of ${marked} ${sessions})`;
}
