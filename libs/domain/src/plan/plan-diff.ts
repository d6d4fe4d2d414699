import { diffWords } from 'diff';
import { PlanDocument, planComparableText } from './plan-text';

/**
 * Word-by-word comparison of two versions of a plan's text (issue 14 §4, docs/plan.md). The result
 * is a list of segments, each saying whether its words were kept, added or removed, so a page can
 * mark a change in words and by more than colour ("added", "removed", underline and strike).
 * The comparison is the `diff` package's (jsdiff, as the issue asks): each word and each mark of
 * punctuation is a token, and spaces alone are never a change.
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffSegment {
  kind: DiffKind;
  /** The words with the spaces between them, as the newer version has them where kept. */
  text: string;
}

/** Compares two texts word by word. */
export type WordDiff = (before: string, after: string) => DiffSegment[];

/**
 * Past this many words changed, the comparison stops and shows the old text removed and the new
 * added: a whole rewrite reads that way anyway, and its cost stays bounded however long the
 * sections are (jsdiff's work grows with the length times the number of changes).
 */
export const MAX_CHANGED_WORDS = 2_000;

/** A word with the spaces after it; spaces at the very start are a token of their own. */
function tokens(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

const word = (token: string) => token.trim();

function push(segments: DiffSegment[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

export const jsdiffWords: WordDiff = (before, after) => {
  const segments: DiffSegment[] = [];
  const changes = diffWords(before, after, { maxEditLength: MAX_CHANGED_WORDS });
  if (!changes) {
    push(segments, 'removed', before);
    push(segments, 'added', after);
    return segments;
  }
  for (const change of changes)
    push(segments, change.added ? 'added' : change.removed ? 'removed' : 'same', change.value);
  return segments;
};

/** How two versions' texts compare: the words of each (pictures as "[picture: alt]"), word by word. */
export function diffPlanTexts(
  before: PlanDocument,
  after: PlanDocument,
  diff: WordDiff = jsdiffWords,
): DiffSegment[] {
  return diff(planComparableText(before), planComparableText(after));
}

/** How many words were added and removed, for a summary read before the marked text. */
export function diffCounts(segments: readonly DiffSegment[]): { added: number; removed: number } {
  const words = (kind: DiffKind) =>
    segments
      .filter((s) => s.kind === kind)
      .reduce((n, s) => n + tokens(s.text).filter((t) => word(t)).length, 0);
  return { added: words('added'), removed: words('removed') };
}
