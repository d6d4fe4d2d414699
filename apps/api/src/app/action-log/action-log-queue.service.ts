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
import { WE_WILL_STATUSES_SQL, itemRunningLateSql } from './chase-rules.sql';

/** Which items each list of the queue holds; `stage` is the item's stage, `overdue` the chase rule. */
const KIND_SQL: Readonly<Record<QueueKind, string>> = {
  to_acknowledge: `st.stage = 'to_acknowledge'`,
  to_answer: `st.stage = 'to_answer'`,
  to_tell: `st.stage = 'to_tell'`,
  overdue: `st.overdue`,
};

/** What needs doing first comes first: the deadline to acknowledge, else the oldest said. */
const ORDER_SQL: Readonly<Record<QueueKind, string>> = {
  to_acknowledge: `"acknowledgeBy", id`,
  to_answer: `"saidOn", id`,
  to_tell: `"saidOn", id`,
  overdue: `"nextDueOn" NULLS FIRST, "acknowledgeBy", id`,
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
    if (query.who === 'mine') {
      // Theirs: what they took on, what they recorded that nobody has taken on yet, and what an
      // action they own answers.
      const me = `$${params.push(actor.userId)}`;
      mine = `AND (y.acknowledged_by = ${me} OR (y.acknowledged_by IS NULL AND y.created_by = ${me})
             OR EXISTS (SELECT 1 FROM action_answers ma JOIN actions m ON m.id = ma.action_id
                         WHERE ma.item_id = y.id AND m.owner_id = ${me}))`;
    }
    const limit = countLimitFor(query.page, query.pageSize);
    const rows: (Omit<QueueItem, 'id'> & { id: string | null; counted: number })[] = await this.db.query(
      `WITH matching AS (
         SELECT y.id, y.words, y.said_on::text AS "saidOn", y.source_kind AS source, s.name AS "serviceName",
                th.name AS "themeName", st.stage, y.acknowledge_by AS "acknowledgeBy", st.overdue,
                (SELECT min(a.due_on)::text FROM action_answers aa JOIN actions a ON a.id = aa.action_id
                  WHERE aa.item_id = y.id AND a.status IN ${WE_WILL_STATUSES_SQL}) AS "nextDueOn"
           FROM you_said_items y
           CROSS JOIN LATERAL (SELECT ${itemStageSql('y')} AS stage,
                                      ${itemRunningLateSql('y', '$1', '$2')} AS overdue) st
           LEFT JOIN action_log_services s ON s.id = y.service_id
           LEFT JOIN action_log_themes th ON th.id = y.theme_id
          WHERE ${KIND_SQL[query.kind]} AND ${visible} ${mine}
          ORDER BY ${ORDER_SQL[query.kind]}
          LIMIT ${limit})
       -- The count comes back even on a page past the end, as a row with no item.
       SELECT c.counted, p.*
         FROM (SELECT count(*)::int AS counted FROM matching) c
         LEFT JOIN LATERAL (SELECT * FROM matching
                             ORDER BY ${ORDER_SQL[query.kind]}
                            OFFSET ${(query.page - 1) * query.pageSize} LIMIT ${query.pageSize}) p ON true
        ORDER BY ${ORDER_SQL[query.kind]}`,
      params,
    );
    return {
      items: rows
        .filter((r): r is typeof r & { id: string } => r.id !== null)
        .map(({ counted: _counted, acknowledgeBy, ...item }) => ({
          ...item,
          acknowledgeBy: new Date(acknowledgeBy).toISOString(),
        })),
      ...pageTotal(rows[0]?.counted ?? 0, limit),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
