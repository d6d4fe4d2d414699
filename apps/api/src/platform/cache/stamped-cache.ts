/**
 * Values kept in this process while what they were worked out from stays as it was: each entry
 * carries the `stamp` of its source (a revision, a count and the newest change…), and a reader
 * with a different stamp misses. Some sources can change without moving their stamp, so an entry
 * is also forgotten after `maxAgeMs`. Bounded: the oldest entry goes first once `capacity` are kept.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; at: number; value: V }>();

  constructor(
    private readonly capacity = 500,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, stamp: string): V | null {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp || this.now() - entry.at > this.maxAgeMs) return null;
    return entry.value;
  }

  set(key: string, stamp: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { stamp, at: this.now(), value });
  }
}
