import { ActionLogFilter } from '@heard/domain';
import { Actor } from '../../platform/auth/auth-context';
import { itemStageSql, itemVisibleSql } from './action-log-base';

/**
 * The WHERE of the log for `filter` as `actor` may see it (stage, service, theme, source, and the
 * period it was said in), on `item`, the alias of you_said_items. Parameters go onto `params`.
 */
export function logFilterSql(actor: Actor, filter: ActionLogFilter, params: unknown[], item: string): string {
  const where = [itemVisibleSql(actor, params, item)];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.stage) where.push(`${itemStageSql(item)} = ${param(filter.stage)}`);
  if (filter.service) where.push(`${item}.service_id = ${param(filter.service)}::uuid`);
  if (filter.theme) where.push(`${item}.theme_id = ${param(filter.theme)}::uuid`);
  if (filter.source) where.push(`${item}.source_kind = ${param(filter.source)}`);
  if (filter.from) where.push(`${item}.said_on >= ${param(filter.from)}::date`);
  if (filter.to) where.push(`${item}.said_on <= ${param(filter.to)}::date`);
  return where.join(' AND ');
}
