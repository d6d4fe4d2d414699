/**
 * The forms of a young person's name worth finding in free text that stays after they are
 * anonymised (an item's summary, words published anonymously): the whole preferred name, and its
 * first word when that is long enough not to be an ordinary short word.
 */
export function namesIn(preferredName: string): string[] {
  const whole = preferredName.trim().replace(/\s+/g, ' ');
  if (whole.length < 2) return [];
  const first = whole.split(' ')[0];
  return first !== whole && first.length >= 3 ? [whole, first] : [whole];
}

/**
 * A PostgreSQL regular expression (ARE) that finds any of the names as whole words, with every
 * character that means something in a pattern escaped, for `regexp_replace(…, 'gi')` and `~*`.
 */
export function wholeWordsPattern(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `\\m(${escaped.join('|')})\\M`;
}
