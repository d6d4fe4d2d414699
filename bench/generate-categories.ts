/**
 * The team's own categories of young people (issue 13 §4) on the generated young people, so reach's
 * "The team's categories" table is measured with rows in it: five current categories and a retired
 * one, each young person ticked with none, one or two by a hash of their id (about one in three has
 * one), and the retired one still on some records, as a real list keeps one until it is unticked.
 */
import { DataSource } from 'typeorm';

export interface CategorySizes {
  /** Whether to make them (0: none). */
  categories: number;
}

/** Fictional categories a team might keep; the last is retired. */
const NAMES = [
  'Lives with kinship carers',
  'Young carer',
  'Seeking asylum',
  'In custody or on a youth order',
  'Not in school, college or work',
  'Old list: moved from the previous system',
];

export async function generateCategories(
  db: DataSource,
  sizes: CategorySizes,
  timed: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const names = NAMES.slice(0, Math.max(1, Math.min(sizes.categories, NAMES.length)));
  await timed(`${names.length} categories ticked on the young people`, async () => {
    await db.query(
      `INSERT INTO young_people_categories (name, retired_at)
       SELECT name, CASE WHEN n = $2 AND n > 1 THEN now() END FROM unnest($1::text[]) WITH ORDINALITY AS c(name, n)`,
      [names, names.length],
    );
    // A young person's first category (one in three) and a second (one in ten of those), by hash.
    await db.query(
      `WITH c AS (SELECT array_agg(id ORDER BY created_at, name) AS ids FROM young_people_categories),
            picks AS (
              SELECT yp.id AS young_person_id, abs(hashtext(yp.id::text)) AS h, array_length(c.ids, 1) AS n, c.ids
                FROM young_people yp, c)
       INSERT INTO young_person_categories (young_person_id, category_id)
       SELECT young_person_id, ids[1 + (h / 3) % n] FROM picks WHERE h % 3 = 0
       UNION
       SELECT young_person_id, ids[1 + (h / 7) % n] FROM picks WHERE h % 30 = 0`,
    );
  });
}
