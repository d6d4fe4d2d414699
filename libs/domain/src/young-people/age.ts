import { IsoDate, parseIsoDate } from '../shared/dates';

/** The age bands young people's pages are written for (ICO Children's Code). */
export type AgeBand = '10-12' | '13-15' | '16-17' | '18-25';

export const AGE_BANDS: readonly AgeBand[] = ['10-12', '13-15', '16-17', '18-25'];
export const YOUNGEST_AGE = 10;
export const OLDEST_AGE = 25;

/** Age in whole years on a date. Age is always derived, never stored. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(dateOfBirth);
  const d = parseIsoDate(on);
  let age = d.year - b.year;
  // Someone born on 29 February has their birthday on 1 March in other years (UK practice).
  const birthdayThisYear =
    b.month === 2 && b.day === 29 && !isLeap(d.year) ? { month: 3, day: 1 } : { month: b.month, day: b.day };
  if (
    d.month < birthdayThisYear.month ||
    (d.month === birthdayThisYear.month && d.day < birthdayThisYear.day)
  )
    age--;
  return age;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function ageBandOf(age: number): AgeBand | null {
  if (age >= 10 && age <= 12) return '10-12';
  if (age >= 13 && age <= 15) return '13-15';
  if (age >= 16 && age <= 17) return '16-17';
  if (age >= 18 && age <= 25) return '18-25';
  return null;
}

/** The dates of birth that put someone in a band on a date, for filtering in SQL. */
export function birthDateRangeForBand(
  band: AgeBand,
  on: IsoDate,
): { bornAfter: IsoDate; bornOnOrBefore: IsoDate } {
  const [min, max] = band.split('-').map(Number);
  return bornBetweenForAges(min, max, on);
}

export function bornBetweenForAges(
  minAge: number,
  maxAge: number,
  on: IsoDate,
): { bornAfter: IsoDate; bornOnOrBefore: IsoDate } {
  const d = parseIsoDate(on);
  const pad = (n: number) => String(n).padStart(2, '0');
  // Aged at least minAge: born on or before this date minAge years ago.
  const bornOnOrBefore = `${d.year - minAge}-${pad(d.month)}-${pad(d.day)}`;
  // Aged at most maxAge: born after this date (maxAge + 1) years ago.
  const bornAfter = `${d.year - maxAge - 1}-${pad(d.month)}-${pad(d.day)}`;
  return { bornAfter: fixFeb29(bornAfter), bornOnOrBefore: fixFeb29(bornOnOrBefore) };
}

function fixFeb29(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return month === 2 && day === 29 && !isLeap(year) ? `${year}-02-28` : date;
}

export type DateOfBirthProblem = 'future' | 'too_young' | 'too_old';

/** Why a date of birth cannot be right for someone Heard works with, if it cannot. */
export function dateOfBirthProblem(dateOfBirth: IsoDate, today: IsoDate): DateOfBirthProblem | null {
  if (dateOfBirth > today) return 'future';
  const age = ageOn(dateOfBirth, today);
  if (age < YOUNGEST_AGE) return 'too_young';
  if (age > OLDEST_AGE) return 'too_old';
  return null;
}

export const DATE_OF_BIRTH_MESSAGES: Record<DateOfBirthProblem, string> = {
  future: 'The date of birth is in the future.',
  too_young: `Heard is for young people aged ${YOUNGEST_AGE} to ${OLDEST_AGE}; this date of birth makes them younger.`,
  too_old: `Heard is for young people aged ${YOUNGEST_AGE} to ${OLDEST_AGE}; this date of birth makes them older.`,
};
