import { COUNT_CAP, Page, countLimitFor, pageTotal } from '@heard/domain';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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

/**
 * `boundedTotal` over the rows a list's query builder matches, before it is ordered and paged. The
 * builder is cloned, so the caller goes on to read its page from the same filters.
 */
export function boundedTotalOf<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  qb: SelectQueryBuilder<T>,
  page: { page: number; pageSize: number },
): Promise<Pick<Page<unknown>, 'total' | 'totalIsLowerBound'>> {
  const [select, params] = qb.clone().select('1').getQueryAndParameters();
  return boundedTotal(db, select, params, page);
}

/**
 * The bounded total and, when every match fits under the count's limit, the page's ids sorted from
 * those same matches: one scan where a count and then a search would each join the filters again.
 * `ids` is null for a long list, whose page is better read by walking an index in order, and for a
 * page past the first thousand matches, which only a long list has: there the matches would be
 * copied in their thousands just to be counted, so a plain bounded count is cheaper.
 *
 * `from` is `table alias WHERE ...`; `sortColumns` are the alias's columns `orderBy` reads, which the
 * matches carry so that `orderBy` reads the same over them as over the table.
 */
export async function boundedTotalAndShortPage(
  db: DataSource | EntityManager,
  list: { from: string; alias: string; sortColumns: string; orderBy: string },
  params: unknown[],
  page: { page: number; pageSize: number },
): Promise<Pick<Page<unknown>, 'total' | 'totalIsLowerBound'> & { ids: string[] | null }> {
  const limit = countLimitFor(page.page, page.pageSize);
  if (limit > COUNT_CAP + 1)
    return { ...(await boundedTotal(db, `SELECT 1 FROM ${list.from}`, params, page)), ids: null };
  const { alias } = list;
  // The page's sort is an InitPlan behind the CASE, so PostgreSQL only runs it for a short list.
  const [row]: { counted: number; ids: string[] | null }[] = await db.query(
    `WITH matching AS MATERIALIZED (SELECT ${alias}.id, ${list.sortColumns} FROM ${list.from} LIMIT ${limit})
     SELECT (SELECT count(*)::int FROM matching) AS counted,
            CASE WHEN (SELECT count(*) FROM matching) < ${limit}
                 THEN ARRAY(SELECT ${alias}.id FROM matching ${alias} ORDER BY ${list.orderBy}
                             LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize})
            END AS ids`,
    params,
  );
  const totals = pageTotal(row.counted, limit);
  return { ...totals, ids: totals.totalIsLowerBound ? null : row.ids };
}
