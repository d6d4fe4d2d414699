import { IsoDate, isoDateOf, parseIsoDate } from '../shared/dates';

/**
 * Survey fatigue (issue 11 §8): how often a young person was asked for their views — rounds they
 * were asked in (named, through their group, or by giving an evaluation) and invitations they
 * received — in the last 3, 6 and 12 months. Shown to officers choosing who to ask, so the quieter
 * voices are easy to find. Never a ranking: there is no score, no position and no "most asked" list.
 * No zod here: the web app's shared display imports this file.
 */

export interface HowOftenAsked {
  lastThreeMonths: number;
  lastSixMonths: number;
  lastTwelveMonths: number;
}

export const ASKED_WINDOWS_MONTHS = [3, 6, 12] as const;

/** The day `months` calendar months before `day` (the 31st falls back to the month's last day). */
export function monthsBefore(day: IsoDate, months: number): IsoDate {
  const { year, month, day: d } = parseIsoDate(day);
  const lastOfTarget = new Date(Date.UTC(year, month - 1 - months + 1, 0)).getUTCDate();
  return isoDateOf(new Date(Date.UTC(year, month - 1 - months, Math.min(d, lastOfTarget))));
}

/**
 * Counts the days someone was asked that fall after the window starts and on or before today.
 * A window of three months on 15 May covers 16 February to 15 May. A round that opens later is
 * not counted yet: they have not been asked.
 */
export function howOftenAsked(askedOn: readonly IsoDate[], today: IsoDate): HowOftenAsked {
  const within = (months: number) => {
    const after = monthsBefore(today, months);
    return askedOn.filter((d) => d > after && d <= today).length;
  };
  return { lastThreeMonths: within(3), lastSixMonths: within(6), lastTwelveMonths: within(12) };
}

/**
 * The quieter voices first: asked least in the last 3 months, then 6, then 12; otherwise the order
 * they came in. Only an ordering for finding people; no position is ever shown.
 */
export function quieterVoicesFirst<T>(people: readonly T[], askedOf: (p: T) => HowOftenAsked): T[] {
  return people
    .map((p, i) => ({ p, i, a: askedOf(p) }))
    .sort(
      (x, y) =>
        x.a.lastThreeMonths - y.a.lastThreeMonths ||
        x.a.lastSixMonths - y.a.lastSixMonths ||
        x.a.lastTwelveMonths - y.a.lastTwelveMonths ||
        x.i - y.i,
    )
    .map(({ p }) => p);
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** "Asked 2 times in 3 months (5 in 12 months)": small plain text beside a name. */
export function howOftenAskedInWords(a: HowOftenAsked): string {
  if (a.lastTwelveMonths === 0) return 'Not asked in the last 12 months';
  if (a.lastThreeMonths === 0) return `Not asked in 3 months (${a.lastTwelveMonths} in 12 months)`;
  if (a.lastThreeMonths === a.lastTwelveMonths) return `Asked ${times(a.lastThreeMonths)} in 3 months`;
  return `Asked ${times(a.lastThreeMonths)} in 3 months (${a.lastTwelveMonths} in 12 months)`;
}

/** The most young people one how-often-asked request may name. */
export const MAX_HOW_OFTEN_ASKED_IDS = 100;
