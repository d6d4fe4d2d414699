import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables reach counts the team's categories from (docs/reach.md): their writes move the figures
 * revision on (ADR 0028), as those in FiguresRevision1765390000000 do. A rename or retirement
 * changes the reach table's rows, and so does ticking one on a record.
 */
export const CATEGORY_FIGURES_TABLES = ['young_people_categories', 'young_person_categories'] as const;

/**
 * The team's own categories of young people (issue 13 §4): a list administrators keep, as the
 * action log's services and themes are kept (never deleted; retired instead), and the categories
 * ticked on each young person's record. A link goes with its young person (erasure removes it
 * first, as it does service experiences); a category with links cannot be deleted, only retired.
 */
export class YoungPeopleCategories1765400000000 implements MigrationInterface {
  name = 'YoungPeopleCategories1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE young_people_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(80) NOT NULL
          CONSTRAINT young_people_categories_name_length CHECK (char_length(btrim(name)) >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      );
      CREATE UNIQUE INDEX young_people_categories_name_key ON young_people_categories (lower(name));
      CREATE TABLE young_person_categories (
        young_person_id uuid NOT NULL REFERENCES young_people(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES young_people_categories(id),
        PRIMARY KEY (young_person_id, category_id)
      );
      -- Reach groups by category; the primary key already serves a young person's own list.
      CREATE INDEX young_person_categories_category ON young_person_categories (category_id);
    `);
    for (const table of CATEGORY_FIGURES_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION figures_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE young_person_categories; DROP TABLE young_people_categories;`);
  }
}
