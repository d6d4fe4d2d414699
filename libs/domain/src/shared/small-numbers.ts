/**
 * Below this many young people a figure is a small number: in results it is flagged (a face or two
 * can swing it); in anything shown to senior leaders or exported it is not shown at all, because in
 * one council's programme a count of two can name someone.
 */
export const SMALL_NUMBER_THRESHOLD = 5;

/** A count as shown to senior leaders or in an export: null stands for "fewer than five". */
export type ShownCount = number | null;

/**
 * The one home of small-number suppression. 1 to 4 are withheld; 0 is shown, since "no one" picks
 * out no one, and a page that hid its zeros would hide which themes have nothing open.
 */
export function shownCount(count: number): ShownCount {
  return count > 0 && count < SMALL_NUMBER_THRESHOLD ? null : count;
}

/** How a withheld count reads in a table cell or a sentence. */
export const FEWER_THAN_FIVE = `fewer than ${SMALL_NUMBER_THRESHOLD}`;

/**
 * The counts of a whole split into parts (a total shown beside them), each through shownCount, and
 * one more withheld when only one would be: otherwise the total less the other parts gives the
 * withheld one away. The extra one is the smallest part still shown that is not zero (the first of
 * equals), since withholding a zero hides nothing.
 */
export function shownParts(counts: readonly number[]): ShownCount[] {
  const shown = counts.map(shownCount);
  if (shown.filter((c) => c === null).length !== 1) return shown;
  let smallest = -1;
  shown.forEach((c, i) => {
    if (c !== null && c > 0 && (smallest < 0 || c < counts[smallest])) smallest = i;
  });
  if (smallest >= 0) shown[smallest] = null;
  return shown;
}

/**
 * What may be drawn of a share: `count` of `of` in whole percent, or null when nothing may be drawn.
 * A share is worked out from shown counts only, so it says nothing that the two counts do not: when
 * either is withheld, a percentage (12 of "fewer than 5", or 2 of 40) would give the withheld one
 * away. null too when `of` is 0: there is no one to share among. A share of someone is never rounded
 * to 0% nor one short of everyone to 100%, which would read as "no one" or "everyone".
 */
export function shownShare(count: ShownCount, of: ShownCount): ShownCount {
  if (count === null || of === null || of === 0) return null;
  const percent = Math.round((count / of) * 100);
  if (count > 0 && percent === 0) return 1;
  if (count < of && percent === 100) return 99;
  return percent;
}
