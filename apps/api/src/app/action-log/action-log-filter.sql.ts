import { ItemStage, YouSaidSource } from '@heard/domain';
import { Actor } from '../../platform/auth/auth-context';
import { containsPattern } from '../../platform/database/sql';
import { itemOverdueSql, itemStageSql, itemVisibleSql } from './action-log-base';

/** The log's filters, as the log's page and its downloads both take them. */
export interface LogFilter {
  stage?: ItemStage;
  source?: YouSaidSource;
  serviceId?: string;
  themeId?: string;
  /** The period it was said in, UK dates. */
  from?: string;
  to?: string;
  groupId?: string;
  sessionId?: string;
  /** Words in the summary. */
  q?: string;
  /** Only items not acknowledged in time (true), or only the others (false). */
  overdue?: boolean;
}

/**
 * The one home of the log's WHERE: what `actor` may see, narrowed by `filter`, on `item` (the
 * alias of you_said_items), "overdue" as at `now`. Parameters go onto `params`. Each filter adds a
 * fixed fragment, so the texts are few and can be prepared (queryPrepared).
 */
export function logFilterSql(
  actor: Actor,
  filter: LogFilter,
  params: unknown[],
  item: string,
  now: Date,
): string {
  const where = [itemVisibleSql(actor, params, item)];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.stage) where.push(`${itemStageSql(item)} = ${param(filter.stage)}`);
  if (filter.source) where.push(`${item}.source_kind = ${param(filter.source)}`);
  if (filter.serviceId) where.push(`${item}.service_id = ${param(filter.serviceId)}::uuid`);
  if (filter.themeId) where.push(`${item}.theme_id = ${param(filter.themeId)}::uuid`);
  if (filter.from) where.push(`${item}.said_on >= ${param(filter.from)}::date`);
  if (filter.to) where.push(`${item}.said_on <= ${param(filter.to)}::date`);
  if (filter.groupId) where.push(`${item}.group_id = ${param(filter.groupId)}::uuid`);
  if (filter.sessionId) where.push(`${item}.session_id = ${param(filter.sessionId)}::uuid`);
  if (filter.q) where.push(`lower(${item}.words) LIKE ${param(containsPattern(filter.q))}`);
  if (filter.overdue !== undefined) {
    const overdue = itemOverdueSql(item, param(now));
    where.push(filter.overdue ? overdue : `NOT ${overdue}`);
  }
  return where.join(' AND ');
}
