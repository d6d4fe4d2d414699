import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The You said items' id with the columns that the figures of a year read from every item: theme and
 * service for the action counts' pairs (action-counts.queries.ts), said_on and closed_at for the
 * plan's loops (plan-figures.queries.ts). Those counts read every item, and the table's rows carry
 * the words: on the bench's 100,000 items the index is read in about a seventh of the table's pages
 * (docs/benchmarks.md, session 24).
 */
export class CountedItemsIndex1765520000000 implements MigrationInterface {
  name = 'CountedItemsIndex1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX you_said_items_counted_idx ON you_said_items (id) INCLUDE (theme_id, service_id, said_on, closed_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX you_said_items_counted_idx`);
  }
}
