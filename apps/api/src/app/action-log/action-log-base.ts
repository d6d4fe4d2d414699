import { acknowledgeBy, youngPersonReachOf } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';

/** What a timeline entry says happened. Stored as text; new events are added here. */
export type TimelineEvent =
  | 'item_recorded'
  | 'item_changed'
  | 'item_acknowledged'
  | 'item_closed'
  | 'item_reopened'
  | 'quote_added'
  | 'action_linked'
  | 'action_status'
  | 'action_changed'
  | 'progress_noted'
  | 'told'
  | 'published'
  | 'unpublished'
  | 'rated'
  | 'reminded';

export interface TimelineEntry {
  itemId: string;
  actionId?: string | null;
  event: TimelineEvent;
  /** Ids, statuses, dates and short words the officer typed for the log; never a young person's name. */
  detail?: Record<string, string | number | boolean | null | readonly string[]>;
  /** The user who did it, or null when Heard did (a job). */
  byUserId: string | null;
}

/**
 * The one way to add to an item's timeline (you_said_timeline is append-only: its trigger refuses
 * updates and deletes). Pass the change's EntityManager, so the entry commits with the change.
 */
export async function appendTimeline(
  em: EntityManager,
  entries: TimelineEntry | readonly TimelineEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly TimelineEntry[]) : [entries as TimelineEntry];
  if (list.length === 0) return;
  await em.query(
    `INSERT INTO you_said_timeline (item_id, action_id, event, detail, by_user)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::uuid[])`,
    [
      list.map((e) => e.itemId),
      list.map((e) => e.actionId ?? null),
      list.map((e) => e.event),
      list.map((e) => JSON.stringify(e.detail ?? {})),
      list.map((e) => e.byUserId),
    ],
  );
}

/** The items an action answers: each of its changes goes on every one of their timelines. */
export async function itemsAnsweredBy(em: EntityManager, actionId: string): Promise<string[]> {
  const rows: { item_id: string }[] = await em.query(
    `SELECT item_id FROM action_answers WHERE action_id = $1 ORDER BY item_id`,
    [actionId],
  );
  return rows.map((r) => r.item_id);
}

export interface ActionLogSettings {
  acknowledgeWithinWorkingDays: number;
  boardRevision: number;
}

export async function actionLogSettings(em: EntityManager): Promise<ActionLogSettings> {
  const [row]: { days: number; revision: string }[] = await em.query(
    `SELECT acknowledge_within_working_days AS days, board_revision AS revision FROM action_log_settings`,
  );
  return { acknowledgeWithinWorkingDays: row.days, boardRevision: Number(row.revision) };
}

/** When an item made now must be acknowledged by, with the administrator's setting. */
export async function acknowledgeByFor(em: EntityManager, madeAt: Date): Promise<Date> {
  return acknowledgeBy(madeAt, (await actionLogSettings(em)).acknowledgeWithinWorkingDays);
}

/**
 * Something the public board shows has changed (a pair published or taken down, an action's
 * status or young words, an item's young words, a quote's consent): its cache forgets.
 */
export async function boardChanged(em: EntityManager): Promise<void> {
  await em.query(`UPDATE action_log_settings SET board_revision = board_revision + 1`);
}

/**
 * "The young people who spoke have been told the action's current answer", in SQL. The rule's one
 * home is the database function you_said_action_told (migration 1765250000000-item-stage-kept):
 * at least one telling about this action in its current status, and every young person the item is
 * from told in person unless it was read out to their group; for an item whose audience is no one
 * (itemAudienceSql), the answer published on the public board in its current status (migration
 * 1765290000000-board-tells-everyone). `item` and `action` are the aliases of you_said_items and
 * actions in the caller's query.
 */
export function actionToldSql(item: string, action: string): string {
  return `you_said_action_told(${item}.id, ${action}.id, ${action}.status)`;
}

/**
 * Who hears an item's answers (ItemAudience in libs/domain), in SQL: 'young_people' it names, else
 * the 'group' it was said at, else 'no_one' in particular, told through the public board. The rule's
 * one home is the database function you_said_item_audience, which you_said_action_told reads too.
 */
export function itemAudienceSql(item: string): string {
  return `you_said_item_audience(${item}.id)`;
}

/**
 * An item's stage (ItemStage in libs/domain), in SQL: the column the database keeps. Its one home is
 * the function you_said_item_stage, which triggers on every table it reads call for the items a
 * change touches, in the same statement, so the column is right inside the changing transaction too:
 * - closed: an officer closed it (only allowed once every action is final and told);
 * - to_acknowledge: no officer has taken it on yet;
 * - to_answer: taken on, but no action answers it;
 * - to_tell: some action's current answer has not reached the young people who spoke;
 * - in_hand: everyone has been told, and a We will is still being done;
 * - to_close: every action is final (We did or We can't) and told: it can be closed.
 * Kept rather than worked out per row so the log and the queue filter by stage through an index.
 */
export function itemStageSql(item: string): string {
  return `${item}.stage`;
}

/**
 * The one home, in SQL, of "not acknowledged in time": no officer has taken the item on and its
 * acknowledge-by time has passed. `now` is the SQL (a parameter) holding the clock's now, so a test's
 * clock and the database agree; `item` is the alias of you_said_items.
 */
export function itemOverdueSql(item: string, now: string): string {
  return `(${item}.acknowledged_at IS NULL AND ${item}.acknowledge_by < ${now}::timestamptz)`;
}

/**
 * The one home of "may this actor see this You said item": whoever reaches the whole programme
 * sees every item; anyone else (a practitioner) sees an item only when they may see one of the
 * young people it is from. `item` is the alias of you_said_items; parameters go onto `params`.
 */
export function itemVisibleSql(actor: Actor, params: unknown[], item: string): string {
  if (youngPersonReachOf(actor.role) === 'programme') return 'TRUE';
  return `EXISTS (SELECT 1 FROM you_said_speakers seen WHERE seen.item_id = ${item}.id
    AND ${youngPersonVisibleSql(actor, params, 'seen.young_person_id')})`;
}

/** 404 unless the item exists and the actor may see it (a refusal reveals nothing). */
export async function reachItem(actor: Actor, em: EntityManager, itemId: string): Promise<void> {
  const params: unknown[] = [itemId];
  const visible = itemVisibleSql(actor, params, 'y');
  const [row]: unknown[] = await em.query(
    `SELECT 1 FROM you_said_items y WHERE y.id = $1 AND ${visible}`,
    params,
  );
  if (!row) throw DomainError.notFound('This You said item');
}
