import type { Params } from '@angular/router';
import { ITEM_STAGES, MAX_ITEM_PAGE_SIZE, YOU_SAID_SOURCES, isIsoDate } from '@heard/domain';
import type { IsoDate, ItemListQueryRequest, ItemStage, YouSaidSource } from '@heard/domain';

/** What the log shows, kept in the address so a filtered log can be bookmarked and shared. */
export interface LogQuery {
  stage: ItemStage | null;
  overdue: boolean;
  source: YouSaidSource | null;
  serviceId: string | null;
  themeId: string | null;
  from: IsoDate | null;
  to: IsoDate | null;
  q: string;
  /** The page after the one before: the API's cursor. Null for the first page. */
  cursor: string | null;
  limit: number;
}

export const LOG_PAGE_SIZES: readonly number[] = [25, 50, 100];

export const DEFAULT_LOG_QUERY: Readonly<LogQuery> = {
  stage: null,
  overdue: false,
  source: null,
  serviceId: null,
  themeId: null,
  from: null,
  to: null,
  q: '',
  cursor: null,
  limit: 25,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const uuid = (value: string | null) => (value && UUID.test(value) ? value : null);
const date = (value: string | null) => (value && isIsoDate(value) ? value : null);

/** Reads the log's query from the address; anything unknown or malformed falls back to the default. */
export function parseLogQuery(params: Params): LogQuery {
  const limit = Number(text(params['limit']));
  const cursor = text(params['cursor']);
  return {
    stage: oneOf(text(params['stage']), ITEM_STAGES),
    overdue: text(params['overdue']) === 'true',
    source: oneOf(text(params['source']), YOU_SAID_SOURCES),
    serviceId: uuid(text(params['serviceId'])),
    themeId: uuid(text(params['themeId'])),
    from: date(text(params['from'])),
    to: date(text(params['to'])),
    q: (text(params['q']) ?? '').trim().slice(0, 100),
    cursor: cursor && cursor.length <= 200 ? cursor : null,
    limit: LOG_PAGE_SIZES.includes(limit) ? limit : DEFAULT_LOG_QUERY.limit,
  };
}

/** The query as address parameters; defaults are left out (null removes them when merged). */
export function toLogParams(query: LogQuery): Params {
  return {
    stage: query.stage,
    overdue: query.overdue ? 'true' : null,
    source: query.source,
    serviceId: query.serviceId,
    themeId: query.themeId,
    from: query.from,
    to: query.to,
    q: query.q.trim() || null,
    cursor: query.cursor,
    limit: query.limit === DEFAULT_LOG_QUERY.limit ? null : query.limit,
  };
}

/** The query as the API takes it (`GET /api/action-log/items`). */
export function toItemListRequest(query: LogQuery): ItemListQueryRequest {
  return {
    stage: query.stage ?? undefined,
    overdue: query.overdue ? 'true' : undefined,
    source: query.source ?? undefined,
    serviceId: query.serviceId ?? undefined,
    themeId: query.themeId ?? undefined,
    from: query.from ?? undefined,
    to: query.to ?? undefined,
    q: query.q.trim() || undefined,
    cursor: query.cursor ?? undefined,
    limit: Math.min(query.limit, MAX_ITEM_PAGE_SIZE),
  };
}

/** Whether anything narrows the log, so an empty log means "no matches" rather than "nothing yet". */
export function isLogFiltered(query: LogQuery): boolean {
  return Boolean(
    query.stage ||
      query.overdue ||
      query.source ||
      query.serviceId ||
      query.themeId ||
      query.from ||
      query.to ||
      query.q.trim(),
  );
}
