import type { ActivityCohort, ActivityDayListItem } from '@heard/domain';
import { longDate } from '../core/dates';
import { experiencesText } from '../groups/group-labels';

/** "Saturday 4 July 2026, 10:00 to 15:00". */
export function activityWhen(day: Pick<ActivityDayListItem, 'date' | 'startTime' | 'endTime'>): string {
  return `${longDate(day.date)}, ${day.startTime} to ${day.endTime}`;
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
