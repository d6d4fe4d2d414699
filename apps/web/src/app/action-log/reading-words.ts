import { dateInWords, todayInLondon } from '@heard/domain';
import type { ReadingLevelResponse } from '@heard/domain';

/** A moment as the day it was in London, in words. */
export const dateInWordsOf = (at: string): string => dateInWords(todayInLondon(new Date(at)));

/** The reading level in a sentence for the officer. */
export function readingLevelWords(level: ReadingLevelResponse): string {
  if (level.readingAge === null)
    return 'Hard to read, even for adults. Use shorter sentences and plainer words.';
  if (level.hardSentences.length === 0)
    return `Reads at about age ${level.readingAge}: fine for young people from ${level.forAge}.`;
  return `Reads at about age ${level.readingAge}: above age ${level.forAge}. Rewrite the sentences below.`;
}
