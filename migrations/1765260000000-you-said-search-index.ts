import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The action log's text search is "contains" (lower(words) LIKE '%…%'), which a b-tree cannot
 * serve: over 100,000 items it read every row (0.55 s). A trigram index can, as for young people's
 * names (migration 1764000000000).
 */
export class YouSaidSearchIndex1765260000000 implements MigrationInterface {
  name = 'YouSaidSearchIndex1765260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX you_said_items_words_trgm_idx ON you_said_items USING gin (lower(words) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX you_said_items_words_trgm_idx`);
  }
}
