import { SERVICE_EXPERIENCE_LABELS } from '@heard/domain';
import type { ActivityCohort, ActivityDayListItem, ServiceExperienceKind } from '@heard/domain';
import { longDate, shortDate } from '../groups/dates';

/** "Saturday 4 July 2026, 10:00 to 15:00". */
export function activityWhen(day: Pick<ActivityDayListItem, 'date' | 'startTime' | 'endTime'>): string {
  return `${longDate(day.date)}, ${day.startTime} to ${day.endTime}`;
}

/** "4 Jul 2026". */
export function activityShortDate(date: string): string {
  return shortDate(date);
}

/** "12 places", "1 place" or "No limit". */
export function placesText(capacity: number | null): string {
  if (capacity === null) return 'No limit';
  return capacity === 1 ? '1 place' : `${capacity} places`;
}

/** Whole pounds without pence, pence when there are some: "£250", "£12.50". */
export function poundsText(pence: number | null): string {
  if (pence === null) return 'Not set';
  const pounds = pence / 100;
  return pounds.toLocaleString('en-GB', {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  });
}

export function experiencesText(kinds: readonly ServiceExperienceKind[]): string {
  return kinds.length === 0
    ? 'Open to every service experience'
    : kinds.map((kind) => SERVICE_EXPERIENCE_LABELS[kind] ?? kind).join(', ');
}

/** "Ages 13 to 17; Looked after, Care leaver; members of Deputies". */
export function cohortText(cohort: ActivityCohort, groups: readonly { name: string }[] = []): string {
  const parts = [`Ages ${cohort.minAge} to ${cohort.maxAge}`, experiencesText(cohort.serviceExperiences)];
  if (groups.length > 0) parts.push(`Members of ${groups.map((g) => g.name).join(' or ')}`);
  return parts.join('. ') + '.';
}

/** "1 young person" / "3 young people". */
export function youngPeople(count: number): string {
  return count === 1 ? '1 young person' : `${count} young people`;
}
