import type { ReadingLevelResponse } from '../action-log/board.contract';

/**
 * Measuring a whole child-friendly section (issue 14 §3). The reading-level route measures at most
 * MAX_READING_LEVEL_TEXT characters at once, and a section may hold ten times that, so the page
 * measures it in pieces and reads the pieces together: the section is as hard as its hardest part.
 */

/**
 * The plain text (planPlainText) in pieces of at most `max` characters, cut between paragraphs
 * where it can, else between sentences, and only as a last resort inside one, so a sentence is
 * measured whole whenever it fits.
 */
export function readingLevelPieces(plain: string, max: number): string[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`A piece holds at least 1 character: ${max}`);
  const pieces: string[] = [];
  let current = '';
  const add = (part: string, joiner: string) => {
    if (current === '') current = part;
    else if (current.length + joiner.length + part.length <= max) current += joiner + part;
    else {
      pieces.push(current);
      current = part;
    }
  };
  for (const paragraph of plain
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    if (paragraph.length <= max) {
      add(paragraph, '\n\n');
      continue;
    }
    for (const sentence of paragraph.split(/(?<=[.!?])\s+/)) {
      for (let i = 0; i < sentence.length; i += max) add(sentence.slice(i, i + max), ' ');
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * The pieces' levels as one: the oldest reading age among them (null, hard even for adults, when
 * some piece is), and every hard sentence in order. Null when nothing was measured.
 */
export function combinedReadingLevel(levels: readonly ReadingLevelResponse[]): ReadingLevelResponse | null {
  if (levels.length === 0) return null;
  const ages = levels.map((l) => l.readingAge);
  return {
    forAge: levels[0].forAge,
    readingAge: ages.some((a) => a === null) ? null : Math.max(...(ages as number[])),
    hardSentences: levels.flatMap((l) => l.hardSentences),
  };
}
