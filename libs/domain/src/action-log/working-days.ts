import { IsoDate, addDays, isoDateOf, parseIsoDate, todayInLondon, zonedToUtc } from '../shared/dates';

/** Until an administrator says otherwise, an item is acknowledged within two working days. */
export const DEFAULT_ACKNOWLEDGE_WORKING_DAYS = 2;
export const MAX_ACKNOWLEDGE_WORKING_DAYS = 20;

/**
 * Bank holidays that did not follow the usual rules (gov.uk/bank-holidays): added days, and usual
 * days that were moved. Keyed by year.
 */
const ONE_OFF: Readonly<Record<number, { add: readonly IsoDate[]; drop: readonly IsoDate[] }>> = {
  2020: { add: ['2020-05-08'], drop: ['2020-05-04'] },
  2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], drop: ['2022-05-30'] },
  2023: { add: ['2023-05-08'], drop: [] },
};

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(new Date(Date.UTC(year, month - 1, day)));
}

/** 0 is Sunday, 6 is Saturday. */
function weekday(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDateOf(new Date(Date.UTC(year, month - 1, 1)));
  return addDays(first, (8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDateOf(new Date(Date.UTC(year, month, 0)));
  return addDays(last, -((weekday(last) + 6) % 7));
}

/** England and Wales bank holidays in a year, in date order, with substitute days for weekends. */
export function bankHolidaysEnglandWales(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const newYear = `${year}-01-01`;
  const christmas = `${year}-12-25`;
  // A holiday on a weekend moves to the next weekday not already a holiday (Christmas on a
  // Saturday puts Boxing Day's substitute on the Tuesday).
  const newYearOff =
    weekday(newYear) === 6 ? addDays(newYear, 2) : weekday(newYear) === 0 ? addDays(newYear, 1) : newYear;
  const christmasDay = weekday(christmas);
  const christmasOff =
    christmasDay === 6
      ? [addDays(christmas, 2), addDays(christmas, 3)]
      : christmasDay === 0
        ? [addDays(christmas, 1), addDays(christmas, 2)]
        : christmasDay === 5
          ? [christmas, addDays(christmas, 3)]
          : [christmas, addDays(christmas, 1)];
  const usual = [
    newYearOff,
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmasOff,
  ];
  const oneOff = ONE_OFF[year] ?? { add: [], drop: [] };
  return [...usual.filter((d) => !oneOff.drop.includes(d)), ...oneOff.add].sort();
}

const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  const year = parseIsoDate(date).year;
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(bankHolidaysEnglandWales(year));
    holidaysByYear.set(year, holidays);
  }
  return !holidays.has(date);
}

/** The date `days` working days after `date` (not counting `date` itself). */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let at = date;
  for (let left = days; left > 0; ) {
    at = addDays(at, 1);
    if (isWorkingDay(at)) left--;
  }
  return at;
}

/**
 * When an item made at `madeAt` must be acknowledged by: the end (midnight, UK time) of the
 * `workingDays`th working day after the UK day it was made. Made on a Friday with two working days,
 * it is due by the end of Tuesday; after that it is overdue.
 */
export function acknowledgeBy(madeAt: Date, workingDays: number): Date {
  const lastDay = addWorkingDays(todayInLondon(madeAt), workingDays);
  return zonedToUtc(addDays(lastDay, 1), '00:00');
}
