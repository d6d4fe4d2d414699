import type { ParticipationFacts, RatingTally, WordsRow } from '@heard/domain';
import { StampedCache } from '../../platform/cache/stamped-cache';

/** What a round's results are worked out from: the heavy reads, kept between requests. */
export interface RoundAnswerFacts {
  tallies: RatingTally[];
  words: WordsRow[];
  participation: ParticipationFacts;
}

/**
 * A round's counted answers, keyed by round, kept while the round's evaluations stay as they were
 * (the stamp: how many, their revisions, the newest), so reading results again is one small query
 * instead of two that read every answer. Group membership on the day can be corrected without
 * touching an evaluation: that is what the cache's maximum age is for.
 */
export class RoundResultsCache extends StampedCache<RoundAnswerFacts> {}
