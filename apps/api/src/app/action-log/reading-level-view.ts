import { ReadingLevelResponse } from '@heard/domain';
import { readingLevel } from '../../platform/text/reading-level';

/** A text's reading level as the officer is shown it: the hard sentences to rewrite, and the age. */
export async function readingLevelView(text: string): Promise<ReadingLevelResponse> {
  const level = await readingLevel(text);
  return {
    forAge: level.forAge,
    readingAge: level.readingAge,
    hardSentences: level.hardSentences.map((h) => h.sentence),
  };
}
