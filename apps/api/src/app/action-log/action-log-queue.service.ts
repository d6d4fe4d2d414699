import { Injectable } from '@nestjs/common';
import {
  ActionLogQueueQuery,
  Page,
  QueueItem,
  QueueKind,
  countLimitFor,
  pageTotal,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { itemStageSql, itemVisibleSql } from './action-log-base';
import { itemRunningLateSql, notAcknowledgedInTimeSql, weWillLateSql } from './chase-rules.sql';
import { queryPrepared } from '../../platform/database/database';

/**
 * Which items each list holds and in what order, each served by an index that returns it in that
 * order (migrations 1765250000000 and 1765280000000), so a page reads a page's worth of rows rather
 * than the whole log. The overdue list is two parts, each from its own index: those not
 * acknowledged in time (by the deadline), then those a late We will answers (by its due date); the
 * parts are the two halves of itemRunningLateSql, the chasing rule.
 */
const KIND_PARTS: Readonly<Record<QueueKind, readonly { where: string; order: string }[]>> = {
  to_acknowledge: [{ where: `${itemStageSql('y')} = 'to_acknowledge'`, order: `y.acknowledge_by, y.id` }],
  // Oldest said first; the stage index runs newest first, so it is read backwards.
  to_answer: [{ where: `${itemStageSql('y')} = 'to_answer'`, order: `y.said_on, y.id DESC` }],
  to_tell: [{ where: `${itemStageSql('y')} = 'to_tell'`, order: `y.said_on, y.id DESC` }],
  overdue: [
    { where: notAcknowledgedInTimeSql('y', '$1'), order: `y.acknowledge_by, y.id` },
    {
      where: `${weWillLateSql('y', '$2')} AND NOT ${notAcknowledgedInTimeSql('y', '$1')}`,
      order: `y.next_due_on, y.acknowledge_by, y.id`,
    },
  ],
};

/**
 * The officer's queue (docs/action-log.md "Queue and exports"): one list at a time, theirs or
 * everyone's, in one query. Stages come from itemStageSql, visibility from itemVisibleSql, and
 * "overdue" from the chasing rules, so the queue and the reminders never disagree.
 */
@Injectable()
export class ActionLogQueueService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ActionLogQueueQuery): Promise<Page<QueueItem>> {
    const now = this.clock.now();
    const params: unknown[] = [now.toISOString(), todayInLondon(now)];
    const visible = itemVisibleSql(actor, params, 'y');
    let mine = '';
    let mineSet = '';
    if (query.who === 'mine') {
      // Theirs: what they took on, what they recorded that nobody has taken on yet, and what an
      // action they own answers. Worked out once a query as a set of ids, each branch from its own
      // index (a few hundred rows for an officer), rather than tested on every row of a list.
      // Taken on is limited to open items: no list of the queue holds a closed one.
      const me = `$${params.push(actor.userId)}`;
      mineSet = `mine AS MATERIALIZED (
           SELECT id FROM you_said_items WHERE acknowledged_by = ${me} AND closed_at IS NULL
           UNION SELECT id FROM you_said_items WHERE acknowledged_by IS NULL AND created_by = ${me}
           UNION SELECT ma.item_id FROM action_answers ma JOIN actions m ON m.id = ma.action_id
                  WHERE m.owner_id = ${me}),`;
      mine = `AND y.id IN (SELECT id FROM mine)`;
    }
    const limit = countLimitFor(query.page, query.pageSize);
    const [limitP, offsetP, sizeP] = [limit, (query.page - 1) * query.pageSize, query.pageSize].map(
      (value) => `$${params.push(value)}`,
    );
    // Each part: at most `limit` matching ids in its order, from its index; then the page of them.
    const parts = KIND_PARTS[query.kind].map(
      ({ where, order }, part) => `(SELECT y.id, ${part} AS part, row_number() OVER (ORDER BY ${order}) AS n
           FROM you_said_items y WHERE ${where} AND ${visible} ${mine}
          ORDER BY ${order} LIMIT ${limitP})`,
    );
    const rows: (Omit<QueueItem, 'id'> & { id: string | null; counted: number; part: number; n: number })[] =
      await queryPrepared(
        this.db,
        `WITH ${mineSet} matching AS (SELECT id, part, n FROM (${parts.join(' UNION ALL ')}) m ORDER BY part, n LIMIT ${limitP})
       -- The count comes back even on a page past the end, as a row with no item.
       SELECT c.counted, p.*
         FROM (SELECT count(*)::int AS counted FROM matching) c
         LEFT JOIN LATERAL (
           SELECT y.id, y.words, y.said_on::text AS "saidOn", y.source_kind AS source, s.name AS "serviceName",
                  th.name AS "themeName", ${itemStageSql('y')} AS stage, y.acknowledge_by AS "acknowledgeBy",
                  ${itemRunningLateSql('y', '$1', '$2')} AS overdue, y.next_due_on::text AS "nextDueOn",
                  m.part, m.n
             FROM (SELECT * FROM matching ORDER BY part, n OFFSET ${offsetP} LIMIT ${sizeP}) m
             JOIN you_said_items y ON y.id = m.id
             LEFT JOIN action_log_services s ON s.id = y.service_id
             LEFT JOIN action_log_themes th ON th.id = y.theme_id) p ON true
        ORDER BY p.part, p.n`,
        params,
      );
    return {
      items: rows
        .filter((r): r is typeof r & { id: string } => r.id !== null)
        .map(({ counted: _counted, part: _part, n: _n, acknowledgeBy, ...item }) => ({
          ...item,
          acknowledgeBy: new Date(acknowledgeBy).toISOString(),
        })),
      ...pageTotal(rows[0]?.counted ?? 0, limit),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
