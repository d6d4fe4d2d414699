import { HttpParams } from '@angular/common/http';
import type { Params } from '@angular/router';
import { AGE_BANDS, ServiceExperienceKind } from '@heard/domain';
import type { AgeBand } from '@heard/domain';
import { LIST_PAGE_SIZES } from '@heard/ui';

export type YoungPeopleSort = 'name' | 'age';
export type SortOrder = 'asc' | 'desc';

/** What the young people list shows: kept in the address bar so a filtered list can be shared or bookmarked. */
export interface YoungPeopleListQuery {
  q: string;
  groupId: string | null;
  serviceExperience: ServiceExperienceKind | null;
  ageBand: AgeBand | null;
  /** One of the team's categories (issue 13 §4). */
  categoryId: string | null;
  sort: YoungPeopleSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const DEFAULT_QUERY: Readonly<YoungPeopleListQuery> = {
  q: '',
  groupId: null,
  serviceExperience: null,
  ageBand: null,
  categoryId: null,
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: 25,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPERIENCES = new Set<string>(Object.values(ServiceExperienceKind));

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value : null;
}

function positiveInt(value: unknown, fallback: number, max: number): number {
  const raw = text(value);
  if (raw === null || !/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

/**
 * Reads the list's query from the address bar. Anything unknown or malformed falls back to
 * the default, so an edited or old link still opens a working list.
 */
export function parseListQuery(params: Params): YoungPeopleListQuery {
  const q = (text(params['q']) ?? '').trim().slice(0, 60);
  const groupId = text(params['groupId']);
  const serviceExperience = text(params['serviceExperience']);
  const ageBand = text(params['ageBand']);
  const categoryId = text(params['categoryId']);
  const sort = text(params['sort']);
  const order = text(params['order']);
  const pageSize = positiveInt(params['pageSize'], DEFAULT_QUERY.pageSize, 100);
  return {
    q,
    groupId: groupId && UUID.test(groupId) ? groupId : null,
    serviceExperience:
      serviceExperience && EXPERIENCES.has(serviceExperience)
        ? (serviceExperience as ServiceExperienceKind)
        : null,
    ageBand: ageBand && (AGE_BANDS as readonly string[]).includes(ageBand) ? (ageBand as AgeBand) : null,
    categoryId: categoryId && UUID.test(categoryId) ? categoryId : null,
    sort: sort === 'age' ? 'age' : 'name',
    order: order === 'desc' ? 'desc' : 'asc',
    page: positiveInt(params['page'], 1, 100_000),
    pageSize: LIST_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_QUERY.pageSize,
  };
}

/**
 * The query as address-bar parameters. Defaults are left out (null removes them when merged),
 * so the plain list has a plain address.
 */
export function toQueryParams(query: YoungPeopleListQuery): Params {
  return {
    q: query.q.trim() || null,
    groupId: query.groupId,
    serviceExperience: query.serviceExperience,
    ageBand: query.ageBand,
    categoryId: query.categoryId,
    sort: query.sort === DEFAULT_QUERY.sort ? null : query.sort,
    order: query.order === DEFAULT_QUERY.order ? null : query.order,
    page: query.page === 1 ? null : query.page,
    pageSize: query.pageSize === DEFAULT_QUERY.pageSize ? null : query.pageSize,
  };
}

/** The query as the API expects it (`GET /api/young-people`). */
export function toHttpParams(query: YoungPeopleListQuery): HttpParams {
  let params = new HttpParams()
    .set('sort', query.sort)
    .set('order', query.order)
    .set('page', query.page)
    .set('pageSize', query.pageSize);
  if (query.q.trim()) params = params.set('q', query.q.trim());
  if (query.groupId) params = params.set('groupId', query.groupId);
  if (query.serviceExperience) params = params.set('serviceExperience', query.serviceExperience);
  if (query.ageBand) params = params.set('ageBand', query.ageBand);
  if (query.categoryId) params = params.set('categoryId', query.categoryId);
  return params;
}

/** Whether any filter or search narrows the list (so an empty list means "no matches", not "nobody yet"). */
export function isFiltered(query: YoungPeopleListQuery): boolean {
  return Boolean(
    query.q.trim() || query.groupId || query.serviceExperience || query.ageBand || query.categoryId,
  );
}
