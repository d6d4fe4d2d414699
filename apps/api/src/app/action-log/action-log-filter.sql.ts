import { ItemStage, YouSaidSource } from '@heard/domain';
import { Actor } from '../../platform/auth/auth-context';
import { itemStageSql, itemVisibleSql } from './action-log-base';

/** The log's filters, as the log's page and its downloads both take them. */
export interface LogFilter {
  stage?: ItemStage;
  source?: YouSaidSource;
  serviceId?: string;
  themeId?: string;
  /** The period it was said in, UK dates. */
  from?: string;
  to?: string;
}

/**
 * The one home of the log's WHERE: what `actor` may see, narrowed by `filter`, on `item` (the
 * alias of you_said_items). Parameters go onto `params`.
 */
export function logFilterSql(actor: Actor, filter: LogFilter, params: unknown[], item: string): string {
  const where = [itemVisibleSql(actor, params, item)];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.stage) where.push(`${itemStageSql(item)} = ${param(filter.stage)}`);
  if (filter.source) where.push(`${item}.source_kind = ${param(filter.source)}`);
  if (filter.serviceId) where.push(`${item}.service_id = ${param(filter.serviceId)}::uuid`);
  if (filter.themeId) where.push(`${item}.theme_id = ${param(filter.themeId)}::uuid`);
  if (filter.from) where.push(`${item}.said_on >= ${param(filter.from)}::date`);
  if (filter.to) where.push(`${item}.said_on <= ${param(filter.to)}::date`);
  return where.join(' AND ');
}
