import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

type Row = Record<string, unknown>;

/**
 * What Heard's services ask of their DataSource (or its manager) on the benchmark's reads, answered
 * straight from a `pg` pool: `query`, and `queryPrepared`'s named statements on the pool it finds
 * as the driver's master. Those reads are all plain SQL, so the floor runs exactly Heard's SQL with
 * no TypeORM on the way; a read that went back to a repository find would fail here, not quietly
 * run something else.
 */
export class FloorDb {
  readonly options = {};
  readonly logger = { logQuery: (): void => undefined };
  readonly driver: { master: Pool };
  readonly manager: FloorDb = this;
  readonly connection: FloorDb = this;
  readonly queryRunner = undefined;

  constructor(private readonly pool: Pool) {
    this.driver = { master: pool };
  }

  async query<T = Row[]>(text: string, values: unknown[] = []): Promise<T> {
    return (await this.pool.query(text, values)).rows as T;
  }

  /** Heard's services behind the stand-in, typed as what they take. */
  asDataSource(): DataSource {
    return this as unknown as DataSource;
  }
}
