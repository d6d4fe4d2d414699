import {
  ItemListQuery,
  ItemPage,
  ItemStage,
  ItemSummary,
  IsoDate,
  YouSaidSource,
  isIsoDate,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { readPrepared } from '../../platform/database/database';
import { itemOverdueSql, itemStageSql } from './action-log-base';
import { logFilterSql } from './action-log-filter.sql';

/**
 * The columns of an item as the log lists it (alias y, with its service s, theme th and group g
 * joined), `$now` being the parameter that holds the clock's now.
 */
function summaryColumns(now: string): string {
  return `y.id, y.words AS summary, y.source_kind AS source, y.service_id AS "serviceId", s.name AS "serviceName",
    y.theme_id AS "themeId", th.name AS "themeName", to_char(y.said_on, 'YYYY-MM-DD') AS "saidOn",
    ${itemStageSql('y')} AS stage, y.acknowledge_by AS "acknowledgeBy", ${itemOverdueSql('y', now)} AS overdue,
    y.group_id AS "groupId", g.name AS "groupName", y.session_id AS "sessionId",
    (SELECT count(*)::int FROM you_said_speakers sc WHERE sc.item_id = y.id) AS "speakerCount"`;
}

const SUMMARY_JOINS = `LEFT JOIN action_log_services s ON s.id = y.service_id
  LEFT JOIN action_log_themes th ON th.id = y.theme_id
  LEFT JOIN groups g ON g.id = y.group_id`;

export interface SummaryRow {
  id: string;
  summary: string;
  source: YouSaidSource;
  serviceId: string | null;
  serviceName: string | null;
  themeId: string | null;
  themeName: string | null;
  saidOn: IsoDate;
  stage: ItemStage;
  acknowledgeBy: Date;
  overdue: boolean;
  groupId: string | null;
  groupName: string | null;
  sessionId: string | null;
  speakerCount: number;
}

export function toSummary(r: SummaryRow): ItemSummary {
  return {
    id: r.id,
    summary: r.summary,
    source: r.source,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    themeId: r.themeId,
    themeName: r.themeName,
    saidOn: r.saidOn,
    stage: r.stage,
    acknowledgeBy: new Date(r.acknowledgeBy).toISOString(),
    overdue: r.overdue,
    groupId: r.groupId,
    groupName: r.groupName,
    sessionId: r.sessionId,
    speakerCount: r.speakerCount,
  };
}

/** The page's position: the last item's said_on and id, opaque to the client. */
const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/;

export function cursorOf(item: Pick<ItemSummary, 'saidOn' | 'id'>): string {
  return Buffer.from(`${item.saidOn}|${item.id}`).toString('base64url');
}

function readCursor(cursor: string): { saidOn: IsoDate; id: string } {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !isIsoDate(match[1]))
    throw DomainError.validation('cursor', 'This is not a page cursor: start again from the first page.');
  return { saidOn: match[1], id: match[2] };
}

/**
 * One page of the log, newest said first (then by id, so the order is stable and a cursor resumes
 * exactly where the last page ended), in one statement: filters, visibility, stage and overdue all
 * in SQL, one row past the page to know whether there is another.
 */
export async function listItems(
  em: EntityManager,
  actor: Actor,
  now: Date,
  filter: Partial<ItemListQuery> & { limit: number },
): Promise<ItemPage> {
  const params: unknown[] = [now];
  const where = [logFilterSql(actor, filter, params, 'y', now)];
  if (filter.cursor) {
    const after = readCursor(filter.cursor);
    params.push(after.saidOn, after.id);
    const d = `$${params.length - 1}::date`;
    const id = `$${params.length}::uuid`;
    where.push(`(y.said_on < ${d} OR (y.said_on = ${d} AND y.id > ${id}))`);
  }
  params.push(filter.limit + 1);
  // Prepared: planning this statement cost more than running it (docs/benchmarks.md).
  const rows = await readPrepared<SummaryRow>(
    em,
    `SELECT ${summaryColumns('$1')} FROM you_said_items y ${SUMMARY_JOINS}
      WHERE ${where.join(' AND ')}
      ORDER BY y.said_on DESC, y.id
      LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, filter.limit).map(toSummary);
  return {
    items,
    nextCursor: rows.length > filter.limit ? cursorOf(items[items.length - 1]) : null,
  };
}

export interface DetailRow extends SummaryRow {
  channel: string;
  attributable: boolean;
  youngWords: string | null;
  sessionStartsAt: Date | null;
  evaluationId: string | null;
  acknowledgedById: string | null;
  acknowledgedByName: string | null;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The item's own row, for one the caller has already reached. */
export async function itemRow(em: EntityManager, itemId: string, now: Date): Promise<DetailRow> {
  const [row]: DetailRow[] = await em.query(
    `SELECT ${summaryColumns('$2')}, y.channel, y.attributable, y.young_words AS "youngWords",
        gs.starts_at AS "sessionStartsAt", y.evaluation_id AS "evaluationId",
        y.acknowledged_by AS "acknowledgedById", au.display_name AS "acknowledgedByName",
        y.acknowledged_at AS "acknowledgedAt", y.closed_at AS "closedAt", y.created_at AS "createdAt",
        y.updated_at AS "updatedAt"
       FROM you_said_items y ${SUMMARY_JOINS}
       LEFT JOIN group_sessions gs ON gs.id = y.session_id
       LEFT JOIN users au ON au.id = y.acknowledged_by
      WHERE y.id = $1`,
    [itemId, now],
  );
  if (!row) throw DomainError.notFound('This You said item');
  return row;
}

/** The item's young people, each with whether the actor may see them (names only for those). */
export async function speakersOf(
  em: EntityManager,
  actor: Actor,
  itemId: string,
): Promise<{ youngPersonId: string; name: string; visible: boolean }[]> {
  const params: unknown[] = [itemId];
  const visible = youngPersonVisibleSql(actor, params, 'yp.id');
  return em.query(
    `SELECT yp.id AS "youngPersonId", yp.preferred_name AS name, (${visible}) AS visible
       FROM you_said_speakers sp JOIN young_people yp ON yp.id = sp.young_person_id
      WHERE sp.item_id = $1
      ORDER BY lower(yp.preferred_name), yp.id`,
    params,
  );
}

export async function quotesOf(
  em: EntityManager,
  itemId: string,
): Promise<{ id: string; words: string; youngPersonId: string | null }[]> {
  return em.query(
    `SELECT id, words, young_person_id AS "youngPersonId" FROM you_said_quotes
      WHERE item_id = $1 ORDER BY created_at, id`,
    [itemId],
  );
}

export async function timelineOf(
  em: EntityManager,
  itemId: string,
): Promise<{ at: Date; event: string; byName: string | null; detail: Record<string, unknown> }[]> {
  return em.query(
    `SELECT t.at, t.event, u.display_name AS "byName", t.detail
       FROM you_said_timeline t LEFT JOIN users u ON u.id = t.by_user
      WHERE t.item_id = $1 ORDER BY t.id`,
    [itemId],
  );
}

/**
 * Field errors for services or themes that do not exist, or are retired (a retired one stays on
 * the items that already name it, but is not picked again).
 */
export async function assertCurrentListEntries(
  em: EntityManager,
  picked: { serviceId?: string | null; themeId?: string | null; field?: (name: string) => string },
): Promise<void> {
  const field = picked.field ?? ((name: string) => name);
  const checks: [string, 'action_log_services' | 'action_log_themes', string][] = [];
  if (picked.serviceId) checks.push([field('serviceId'), 'action_log_services', picked.serviceId]);
  if (picked.themeId) checks.push([field('themeId'), 'action_log_themes', picked.themeId]);
  for (const [name, table, id] of checks) {
    const [row]: unknown[] = await em.query(`SELECT 1 FROM ${table} WHERE id = $1 AND retired_at IS NULL`, [
      id,
    ]);
    if (!row)
      throw DomainError.validation(
        name,
        table === 'action_log_services' ? 'Choose a service from the list.' : 'Choose a theme from the list.',
      );
  }
}
