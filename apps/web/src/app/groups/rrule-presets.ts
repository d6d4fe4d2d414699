import { parseIsoDate } from '@heard/domain';
import type { IsoDate } from '@heard/domain';

/**
 * Friendly meeting patterns and the RFC 5545 repeat rules (RRULE) they stand for. Officers pick
 * "fortnightly on Tuesdays"; the API stores `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU`.
 */
export type PatternPreset = 'weekly' | 'fortnightly' | 'monthly' | 'custom';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
/** Which week of the month: 1 to 4, or -1 for the last. */
export type WeekOfMonth = 1 | 2 | 3 | 4 | -1;

export interface PresetChoice {
  preset: Exclude<PatternPreset, 'custom'>;
  weekday: Weekday;
  /** Only used by the monthly preset. */
  week: WeekOfMonth;
}

export const WEEKDAYS: readonly { value: Weekday; label: string; plural: string }[] = [
  { value: 'MO', label: 'Monday', plural: 'Mondays' },
  { value: 'TU', label: 'Tuesday', plural: 'Tuesdays' },
  { value: 'WE', label: 'Wednesday', plural: 'Wednesdays' },
  { value: 'TH', label: 'Thursday', plural: 'Thursdays' },
  { value: 'FR', label: 'Friday', plural: 'Fridays' },
  { value: 'SA', label: 'Saturday', plural: 'Saturdays' },
  { value: 'SU', label: 'Sunday', plural: 'Sundays' },
];

export const WEEKS_OF_MONTH: readonly { value: WeekOfMonth; label: string }[] = [
  { value: 1, label: 'First' },
  { value: 2, label: 'Second' },
  { value: 3, label: 'Third' },
  { value: 4, label: 'Fourth' },
  { value: -1, label: 'Last' },
];

export const PRESETS: readonly { value: PatternPreset; label: string }[] = [
  { value: 'weekly', label: 'Every week' },
  { value: 'fortnightly', label: 'Every two weeks (fortnightly)' },
  { value: 'monthly', label: 'Once a month, on a set weekday' },
  { value: 'custom', label: 'Something else (write the repeat rule)' },
];

const WEEKDAY_CODES = new Set<string>(WEEKDAYS.map((d) => d.value));

/** The repeat rule for a preset, e.g. monthly on the second Wednesday: `FREQ=MONTHLY;BYDAY=WE;BYSETPOS=2`. */
export function buildRrule(choice: PresetChoice): string {
  switch (choice.preset) {
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${choice.weekday}`;
    case 'fortnightly':
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${choice.weekday}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=${choice.weekday};BYSETPOS=${choice.week}`;
  }
}

function ruleParts(rrule: string): Map<string, string> | null {
  const rule = rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (!/^[A-Z]+=[^;=]+(;[A-Z]+=[^;=]+)*;?$/.test(rule)) return null;
  const parts = new Map<string, string>();
  for (const part of rule.split(';').filter(Boolean)) {
    const [key, value] = part.split('=');
    if (parts.has(key)) return null;
    parts.set(key, value);
  }
  return parts;
}

/**
 * The preset a repeat rule matches, or null when it is something the presets cannot say (it is
 * then edited as a custom rule). Accepts both ways of writing "second Wednesday":
 * `BYDAY=WE;BYSETPOS=2` and `BYDAY=2WE`.
 */
export function parseRrule(rrule: string): PresetChoice | null {
  const parts = ruleParts(rrule);
  if (!parts) return null;
  const freq = parts.get('FREQ');
  const interval = parts.get('INTERVAL') ?? '1';
  const byday = parts.get('BYDAY') ?? '';
  const setpos = parts.get('BYSETPOS');
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'WKST']);
  if ([...parts.keys()].some((key) => !allowed.has(key))) return null;

  if (freq === 'WEEKLY' && !setpos && WEEKDAY_CODES.has(byday)) {
    if (interval === '1') return { preset: 'weekly', weekday: byday as Weekday, week: 1 };
    if (interval === '2') return { preset: 'fortnightly', weekday: byday as Weekday, week: 1 };
    return null;
  }
  if (freq === 'MONTHLY' && interval === '1') {
    const prefixed = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday);
    if (prefixed && !setpos) {
      return { preset: 'monthly', weekday: prefixed[2] as Weekday, week: Number(prefixed[1]) as WeekOfMonth };
    }
    if (WEEKDAY_CODES.has(byday) && setpos && /^(-1|[1-4])$/.test(setpos)) {
      return { preset: 'monthly', weekday: byday as Weekday, week: Number(setpos) as WeekOfMonth };
    }
  }
  return null;
}

/** A repeat rule in words: "Every Tuesday", "Every other Monday", "The last Friday of each month". */
export function describeRrule(rrule: string): string {
  const choice = parseRrule(rrule);
  if (!choice) return `Repeat rule ${rrule.replace(/^RRULE:/i, '')}`;
  const day = WEEKDAYS.find((d) => d.value === choice.weekday);
  switch (choice.preset) {
    case 'weekly':
      return `Every ${day?.label}`;
    case 'fortnightly':
      return `Every other ${day?.label}`;
    case 'monthly': {
      const week = WEEKS_OF_MONTH.find((w) => w.value === choice.week)?.label.toLowerCase();
      return `The ${week} ${day?.label} of each month`;
    }
  }
}

/** The weekday of a date, to suggest a meeting day from the first meeting date. */
export function weekdayOf(date: IsoDate): Weekday {
  const { year, month, day } = parseIsoDate(date);
  const index = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  return (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const)[index];
}

/** Which of its weekday a date is in its month: 1–4, or -1 (last) for the 29th to 31st. */
export function weekOfMonthOf(date: IsoDate): WeekOfMonth {
  const { day } = parseIsoDate(date);
  return day > 28 ? -1 : (Math.ceil(day / 7) as WeekOfMonth);
}
