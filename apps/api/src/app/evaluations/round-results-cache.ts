import type { ParticipationFacts, RatingTally, WordsRow } from '@heard/domain';

/** What a round's results are worked out from: the heavy reads, kept between requests. */
export interface RoundAnswerFacts {
  tallies: RatingTally[];
  words: WordsRow[];
  participation: ParticipationFacts;
}

/**
 * A round's counted answers, kept in this process while the round's evaluations stay as they were
 * (`stamp`: how many, their revisions, the newest), so reading results again is one small query
 * instead of two that read every answer. Group membership on the day can be corrected without
 * touching an evaluation, so an entry is also forgotten after `maxAgeMs`. Bounded: the oldest
 * entry goes first once `capacity` rounds are kept.
 */
export class RoundResultsCache {
  private readonly entries = new Map<string, { stamp: string; at: number; facts: RoundAnswerFacts }>();

  constructor(
    private readonly capacity = 500,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(roundId: string, stamp: string): RoundAnswerFacts | null {
    const entry = this.entries.get(roundId);
    if (!entry || entry.stamp !== stamp || this.now() - entry.at > this.maxAgeMs) return null;
    return entry.facts;
  }

  set(roundId: string, stamp: string, facts: RoundAnswerFacts): void {
    this.entries.delete(roundId);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(roundId, { stamp, at: this.now(), facts });
  }
}
