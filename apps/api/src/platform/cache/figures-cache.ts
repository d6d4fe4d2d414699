import { DataSource } from 'typeorm';
import { StampedCache } from './stamped-cache';

/**
 * Figures counted over a period from the tables in migrations' FIGURES_TABLES (the leaders' view,
 * reach), kept in this process until one of those tables is written to. The stamp is the
 * figures_revision sequence, moved on by every statement that writes them, so checking costs one
 * tiny query. Concurrent requests for the same figures share one count instead of each running it.
 *
 * A write still in its transaction has moved the sequence before its rows can be read, so a count
 * made in that moment is kept under the new stamp without them: MAX_AGE_MS bounds how long such
 * figures (and those that depend on the time of day) can stay behind.
 */
export class FiguresCache<V> {
  static readonly MAX_AGE_MS = 60_000;
  private readonly kept: StampedCache<V>;
  private readonly counting = new Map<string, Promise<V>>();

  constructor(
    private readonly db: DataSource,
    capacity = 100,
    now: () => number = Date.now,
  ) {
    this.kept = new StampedCache<V>(capacity, FiguresCache.MAX_AGE_MS, now);
  }

  async get(key: string, count: () => Promise<V>): Promise<V> {
    const stamp = await this.revision();
    const kept = this.kept.get(key, stamp);
    if (kept !== null) return kept;
    const flight = `${stamp} ${key}`;
    const running = this.counting.get(flight);
    if (running) return running;
    const counted = count()
      .then((value) => {
        this.kept.set(key, stamp, value);
        return value;
      })
      .finally(() => this.counting.delete(flight));
    this.counting.set(flight, counted);
    return counted;
  }

  private async revision(): Promise<string> {
    const [row]: { value: string; called: boolean }[] = await this.db.query(
      `SELECT last_value::text AS value, is_called AS called FROM figures_revision`,
    );
    return `${row.value}:${row.called}`;
  }
}
