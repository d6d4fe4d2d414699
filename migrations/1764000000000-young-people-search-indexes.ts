import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Name search is "contains", which a b-tree cannot serve: a trigram index can. pg_trgm is a trusted
 * extension (PostgreSQL 13+), so the database owner may create it; PGlite loads it at start-up.
 * The partial index lets the list count current young people from the index alone.
 */
export class YoungPeopleSearchIndexes1764000000000 implements MigrationInterface {
  name = 'YoungPeopleSearchIndexes1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX young_people_name_trgm_idx ON young_people USING gin (lower(preferred_name) gin_trgm_ops);
      CREATE INDEX young_people_current_idx ON young_people (id) WHERE archived_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX young_people_current_idx; DROP INDEX young_people_name_trgm_idx;`);
  }
}
