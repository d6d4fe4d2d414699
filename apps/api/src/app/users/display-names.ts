import { DataSource, EntityManager } from 'typeorm';

/** Staff names by user id, in one query; an id with no user is simply absent from the map. */
export async function displayNames(
  db: DataSource | EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; display_name: string }[] = await db.query(
    `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
