import { Page, countLimitFor, pageTotal } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';

/** `%text%` for a case-insensitive "contains" LIKE, with LIKE's own wildcards in the text escaped. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The total for a page of a list, counting the rows of `select` only as far as the page needs
 * (ADR 0010): exact for short lists, a lower bound for long ones.
 */
export async function boundedTotal(
  db: DataSource | EntityManager,
  select: string,
  params: unknown[],
  page: { page: number; pageSize: number },
): Promise<Pick<Page<unknown>, 'total' | 'totalIsLowerBound'>> {
  const limit = countLimitFor(page.page, page.pageSize);
  const [{ counted }]: { counted: number }[] = await db.query(
    `SELECT count(*)::int AS counted FROM (${select} LIMIT ${limit}) matching`,
    params,
  );
  return pageTotal(counted, limit);
}
