import {
  ACTION_STATUSES,
  ACTION_STATUS_RULES,
  LOOP_OPEN_AFTER_DONE_DAYS,
  Role,
  WE_WILL_DUE_WITHIN_DAYS,
} from '@heard/domain';
import { actionToldSql, itemOverdueSql, itemStageSql } from './action-log-base';

/**
 * The one home, in SQL, of what the action log chases (docs/action-log.md "Chasing"): the daily
 * job reminds people of these and the officer's queue lists them as overdue. `today` and `now`
 * are SQL expressions (parameters) for the UK date and the instant the rules are applied at.
 */

/** The statuses of a We will still being done, from the status table in libs/domain. */
export const WE_WILL_STATUSES_SQL = `(${ACTION_STATUSES.filter(
  (s) => ACTION_STATUS_RULES[s].answer === 'we_will',
)
  .map((s) => `'${s}'`)
  .join(', ')})`;

/** A We will still being done that is past its due date. */
export function weWillOverdueSql(action: string, today: string): string {
  return `(${action}.status IN ${WE_WILL_STATUSES_SQL} AND ${action}.due_on < ${today}::date)`;
}

/** A We will still being done that is due within the week, or overdue: its owner is reminded. */
export function weWillDueSoonSql(action: string, today: string): string {
  return `(${action}.status IN ${WE_WILL_STATUSES_SQL}
    AND ${action}.due_on <= ${today}::date + ${WE_WILL_DUE_WITHIN_DAYS})`;
}

/** An item no officer has taken on by the time the administrator's setting allowed (itemOverdueSql). */
export function notAcknowledgedInTimeSql(item: string, now: string): string {
  return itemOverdueSql(item, now);
}

/**
 * A loop still open a month after the action was done: the young people who spoke have not been
 * told this We did. `action` answers `item`.
 */
export function loopOpenAfterDoneSql(item: string, action: string, today: string): string {
  return `(${action}.status = 'done' AND ${action}.done_on <= ${today}::date - ${LOOP_OPEN_AFTER_DONE_DAYS}
    AND ${itemStageSql(item)} = 'to_tell' AND NOT ${actionToldSql(item, action)})`;
}

/**
 * An item answered by a We will past its due date and not yet closed. Reads next_due_on, the
 * earliest due date of a We will still being done, kept by the database beside the stage
 * (migration 1765280000000, function you_said_item_next_due) so the queue finds these by index.
 */
export function weWillLateSql(item: string, today: string): string {
  // IS NOT NULL keeps the answer true or false (never null) and lets the partial index serve it.
  return `(${itemStageSql(item)} <> 'closed' AND ${item}.next_due_on IS NOT NULL AND ${item}.next_due_on < ${today}::date)`;
}

/**
 * An item running late, as the queue's "overdue" list means it: not acknowledged in time, or a
 * We will answering it is past its due date.
 */
export function itemRunningLateSql(item: string, now: string, today: string): string {
  return `(${notAcknowledgedInTimeSql(item, now)} OR ${weWillLateSql(item, today)})`;
}

/** Who is chased about items nobody has acknowledged: every active participation officer. */
export const CHASED_OFFICERS_SQL = `SELECT id FROM users WHERE role = '${Role.ParticipationOfficer}' AND status = 'active'`;

/**
 * Every reminder due on `today`: kind, what it is about (an action or an item) and whom it goes to.
 * Each is sent at most once a day (action_log_reminders' key), so the job may run as often as it likes.
 */
export function dueRemindersSql(today: string, now: string): string {
  return `
    SELECT CASE WHEN ${weWillOverdueSql('a', today)} THEN 'we_will_overdue' ELSE 'we_will_due' END AS kind,
           a.id AS subject_id, a.owner_id AS user_id
      FROM actions a
     WHERE ${weWillDueSoonSql('a', today)}
    UNION ALL
    SELECT 'not_acknowledged', y.id, officer.id
      FROM you_said_items y CROSS JOIN (${CHASED_OFFICERS_SQL}) officer
     WHERE ${notAcknowledgedInTimeSql('y', now)}
    UNION ALL
    SELECT DISTINCT 'loop_not_closed', y.id, y.acknowledged_by
      FROM you_said_items y
      JOIN action_answers aa ON aa.item_id = y.id
      JOIN actions a ON a.id = aa.action_id
     WHERE ${loopOpenAfterDoneSql('y', 'a', today)}`;
}
